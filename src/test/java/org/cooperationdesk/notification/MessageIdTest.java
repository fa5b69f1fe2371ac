package org.cooperationdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mail sent again under the same key (a retry after a crash) is the same message to the recipient's mail system. */
class MessageIdTest {

    @Test
    void theSameKeyGivesTheSameMessageIdAndAnotherKeyAnother() {
        String first = NotificationService.messageId("job:f5797307-ec28-11f1:request-unfilled");

        assertThat(first).matches("<[0-9a-f]{32}\\.notification@cooperation-desk>");
        assertThat(NotificationService.messageId("job:f5797307-ec28-11f1:request-unfilled")).isEqualTo(first);
        assertThat(NotificationService.messageId("job:a1b2c3d4-ec28-11f1:request-unfilled")).isNotEqualTo(first);
    }
}
