package org.cooperationdesk.security;

import java.time.Duration;

import org.camunda.bpm.spring.boot.starter.property.AuthenticationProperties;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How long a signed-in session may use the groups and tenants it read, {@code coopdesk.security.identity-refresh}
 * (default one minute, at most one minute): the promise to admins is that a user taken out of a group loses what the
 * group gave within a minute, and a deleted user's session ends within a minute. The same setting drives Camunda's
 * own copy in the webapps' session ({@code camunda.bpm.webapp.auth.cache.time-to-live}, 5 minutes by default in 7.24),
 * so Tasklist, Cockpit and Admin follow the same minute.
 *
 * <p>A longer value is refused at start-up rather than silently capped: an admin who wrote {@code PT5M} believes
 * changes take five minutes, and would be wrong either way; the message says what is allowed. {@code PT0S} reads
 * the groups on every request, as before this setting existed.
 */
@Configuration(proxyBeanMethods = false)
class IdentityRefresh {

    static final String PROPERTY = "coopdesk.security.identity-refresh";
    static final Duration DEFAULT = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofMinutes(1);

    private IdentityRefresh() {
    }

    /** The setting, checked: between 0 and one minute. */
    static Duration from(Environment environment) {
        Duration refresh = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(DEFAULT);
        if (refresh.isNegative() || refresh.compareTo(LONGEST) > 0) {
            throw new IllegalStateException(PROPERTY + " is " + refresh + ": it must be between PT0S and " + LONGEST
                    + " (a group change must reach signed-in users within a minute). Set e.g. PT30S, or PT0S to read "
                    + "the groups on every request.");
        }
        return refresh;
    }

    /**
     * Sets Camunda's webapp session cache from the same setting before the webapps' filters are registered (they read
     * {@link CamundaBpmProperties} when the server starts): revalidation on ({@code ttl-enabled}), and the same time
     * to live in milliseconds, whatever {@code camunda.bpm.webapp.auth.cache.*} says (1 ms for {@code PT0S}, since
     * Camunda takes 0 as "never revalidate").
     */
    @Bean
    static BeanPostProcessor webappSessionCacheFollowsIdentityRefresh(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CamundaBpmProperties camunda) {
                    AuthenticationProperties.CacheProperties cache = camunda.getWebapp().getAuth().getCache();
                    cache.setTtlEnabled(true);
                    cache.setTimeToLive(Math.max(1, from(environment).toMillis()));
                }
                return bean;
            }
        };
    }
}
