package org.cooperationdesk.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** The office's clock: what "today" and "not in the past" mean. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
