package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Where a letter's lines may break: never inside a reference or a certificate number. */
class ReferenceKeepingLineBreakerTest {

    @Test
    void shouldNeverBreakInsideAReferenceOrANumber() {
        String text = "quoting the reference MT-2027-0004, certificate TC-2027-0002/07, after pre-deployment checks";

        List<String> pieces = pieces(text);

        assertThat(pieces).contains("MT-2027-0004, ", "TC-2027-0002/07, ").doesNotContain("MT-", "2027-", "0002/");
        assertThat(pieces).as("a hyphen before a letter still breaks").contains("pre-", "deployment ");
    }

    private static List<String> pieces(String text) {
        ReferenceKeepingLineBreaker breaker = new ReferenceKeepingLineBreaker(Locale.ENGLISH);
        breaker.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int end = breaker.next(); end != BreakIterator.DONE; end = breaker.next()) {
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
