package org.cooperationdesk.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.cooperationdesk.notification.EnclosedFile;
import org.cooperationdesk.notification.Enclosure;
import org.cooperationdesk.notification.EnclosureMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues the office's letters and gives them out as issued. A mail step's letter is made once: the first attempt
 * renders it and keeps it with its SHA-256 before the mail is sent; every later attempt (a retry after the mail
 * server failed, or after a node died once the server had the mail) attaches the bytes kept then, never a letter made
 * again. A kept letter whose bytes no longer match its checksum is neither attached nor served.
 */
@Service
public class Letters implements EnclosureMaker {

    public static final String PDF = "application/pdf";

    private static final Logger LOG = LoggerFactory.getLogger(Letters.class);

    private final LetterRenderer renderer;
    private final LetterStore store;
    private final Clock clock;

    public Letters(LetterRenderer renderer, LetterStore store, Clock clock) {
        this.renderer = renderer;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public EnclosedFile make(Enclosure enclosure, String idempotencyKey, int position) {
        if (!(enclosure instanceof LetterRequest request)) {
            throw new IllegalArgumentException("Not a letter: " + enclosure.description());
        }
        LetterStore.StoredLetter letter = issue(request, idempotencyKey, position);
        return new EnclosedFile(letter.fileName(), PDF, letter.content());
    }

    /** The letter of this mail step and position: the one kept by an earlier attempt, or made and kept now. */
    public LetterStore.StoredLetter issue(LetterRequest request, String idempotencyKey, int position) {
        Optional<LetterStore.StoredLetter> kept = store.ofMailStep(idempotencyKey, position);
        if (kept.isPresent()) {
            LOG.info("Letter {} of mail step {} was made before: attached as it was", kept.get().id(), idempotencyKey);
            return verified(kept.get());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        byte[] pdf = renderer.render(request, now.toLocalDate());
        return verified(store.keep(request, pdf, sha256(pdf), idempotencyKey, position, now));
    }

    /** A kept letter, its content not checked yet: see {@link #verifiedContent}. */
    public Optional<LetterStore.StoredLetter> find(long id) {
        return store.byId(id);
    }

    /** The letter's bytes, once they are found to match the checksum it was issued with. */
    public byte[] verifiedContent(LetterStore.StoredLetter letter) {
        return verified(letter).content();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LetterStore.StoredLetter verified(LetterStore.StoredLetter letter) {
        String actual = sha256(letter.content());
        if (!actual.equals(letter.sha256())) {
            LOG.error("Letter {} ({}) no longer matches its checksum: SHA-256 {} kept, {} found. It is not given out.",
                    letter.id(), letter.fileName(), letter.sha256(), actual);
            throw new LetterAlteredException(letter.id(), letter.fileName());
        }
        return letter;
    }
}
