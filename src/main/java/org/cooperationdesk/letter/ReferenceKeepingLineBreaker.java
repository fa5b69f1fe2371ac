package org.cooperationdesk.letter;

import java.text.BreakIterator;
import java.util.Locale;

import com.openhtmltopdf.extend.FSTextBreaker;

/**
 * Where a letter's lines may break: where the language allows it, except inside a reference or a number, that is
 * after a hyphen or a slash followed by a digit ("MT-2027-0004", "TC-2027-0002/07" stay whole; "pre-deployment" may
 * still break). openhtmltopdf's own breaker breaks after any hyphen, as it does inside a web address.
 */
final class ReferenceKeepingLineBreaker implements FSTextBreaker {

    private final BreakIterator lines;
    private String text = "";

    ReferenceKeepingLineBreaker(Locale language) {
        this.lines = BreakIterator.getLineInstance(language);
    }

    @Override
    public void setText(String text) {
        this.text = text;
        lines.setText(text);
    }

    @Override
    public int next() {
        int position = lines.next();
        while (position != BreakIterator.DONE && insideReference(position)) {
            position = lines.next();
        }
        return position;
    }

    private boolean insideReference(int position) {
        if (position <= 0 || position >= text.length()) {
            return false;
        }
        char before = text.charAt(position - 1);
        return (before == '-' || before == '/') && Character.isDigit(text.charAt(position));
    }
}
