package org.cooperationdesk.letter;

import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A letter as it was issued, as a PDF the browser shows: for the office's staff, who may see the records (desk/Viewer);
 * a letter showing passport numbers for those who may see them. Its bytes are checked against the SHA-256 it was
 * issued with before they are served; a letter that no longer matches is refused (and logged), never served.
 */
@DeskPage
class LetterController {

    static final String PATH = "/desk/letters";

    private final Letters letters;
    private final Viewer viewer;

    LetterController(Letters letters, Viewer viewer) {
        this.letters = letters;
        this.viewer = viewer;
    }

    @GetMapping({PATH + "/{id}", PATH + "/{id}/{fileName}"})
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable(required = false) String fileName) {
        viewer.requireOffice();
        LetterStore.StoredLetter letter = letters.find(id)
                .filter(found -> fileName == null || fileName.equals(found.fileName()))
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.letter",
                        fileName == null ? String.valueOf(id) : id + "/" + fileName));
        if (!viewer.readsDocument(letter.kind().identityDocuments())) {
            throw DeskRefusal.forbidden("error.forbidden.identityDocuments", letter.fileName());
        }
        byte[] content;
        try {
            content = letters.verifiedContent(letter);
        } catch (LetterAlteredException e) {
            throw new DeskRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "error.letterAltered", letter.fileName());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(letter.fileName()).build().toString())
                .body(content);
    }
}
