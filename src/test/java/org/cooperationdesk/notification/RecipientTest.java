package org.cooperationdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void aKeyReadsBackIntoTheSameRecipient() {
        for (Recipient recipient : new Recipient[]{Recipient.country("KH"), Recipient.nomination(12), Recipient.delegate(7),
                Recipient.address("asean-ministers@asean.example")}) {
            assertThat(Recipient.parse(recipient.key())).isEqualTo(recipient);
        }
        assertThat(Recipient.country("KH").key()).isEqualTo("country:KH");
        assertThat(Recipient.parse("delegate:7").recordId()).isEqualTo(7);
    }

    @Test
    void anAddressKeepsEverythingAfterTheFirstColon() {
        assertThat(Recipient.parse("address:a:b@example.org").id()).isEqualTo("a:b@example.org");
    }

    @Test
    void somethingElseIsNotARecipient() {
        assertThatThrownBy(() -> Recipient.parse("KH")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recipient.parse("embassy:KH")).hasMessageContaining("Not a recipient: embassy:KH");
        assertThatThrownBy(() -> Recipient.parse("country:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recipient.country("KH").recordId()).isInstanceOf(IllegalStateException.class);
    }
}
