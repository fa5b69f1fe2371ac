package org.cooperationdesk.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@ConditionalOnProperty(name = "coopdesk.mail-sink.enabled", havingValue = "true")
class MailSinkConfiguration {

    @Bean
    MailSink mailSink(@Value("${coopdesk.mail-sink.port:2525}") int port) {
        return new MailSink(port);
    }
}
