package org.cooperationdesk.letter;

import java.util.List;

import org.cooperationdesk.desk.RecordDocument;
import org.cooperationdesk.desk.RecordDocuments;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The letters as the record pages list them (desk/RecordTrail, the person's and the expert's pages). */
@Component
class LetterDocuments implements RecordDocuments {

    private final LetterStore store;

    LetterDocuments(LetterStore store) {
        this.store = store;
    }

    @Override
    public List<RecordDocument> ofRecord(String reference) {
        return store.ofRecord(reference).stream().map(LetterDocuments::document).toList();
    }

    @Override
    public List<RecordDocument> ofPerson(long personId) {
        return store.ofPerson(personId).stream().map(LetterDocuments::document).toList();
    }

    private static RecordDocument document(LetterStore.Entry letter) {
        return new RecordDocument(letter.id(), "letter.kind." + letter.kind().name(), letter.addressee(),
                letter.documentNumber(), letter.createdAt(), letter.sizeBytes(), letter.sha256(), letter.fileName(),
                link(letter.id(), letter.fileName()), letter.kind().identityDocuments());
    }

    /** Where a letter is downloaded: {@code /desk/letters/{id}/{file name}} (LetterController). */
    static String link(long id, String fileName) {
        return UriComponentsBuilder.fromPath(LetterController.PATH + "/{id}/{fileName}")
                .buildAndExpand(id, fileName).encode().toUriString();
    }
}
