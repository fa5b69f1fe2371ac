package org.cooperationdesk.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.cooperationdesk.form.ChoiceTakenException;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The engine logs every exception that ends a command at ERROR with its stack trace ({@code ENGINE-16004}), a form
 * the server refused included, so an admin's log drowns real failures in typos. A refusal (a form to correct, an
 * expert taken meanwhile) becomes one INFO line on {@code org.cooperationdesk.refused} (the REST layer's WARN echo of
 * the same refusal is dropped); every other exception keeps its ERROR and stack trace. Installed by {@code logback-spring.xml}.
 */
public class RefusalLogFilter extends TurboFilter {

    private static final String CONTEXT = "org.camunda.bpm.engine.context";
    private static final org.slf4j.Logger REFUSED = LoggerFactory.getLogger(InvalidSubmissionException.REFUSALS_LOG);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm.engine")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        Throwable refusal = refusal(thrown);
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        if (CONTEXT.equals(logger.getName())) { // the engine's ENGINE-16004 comes first; the REST layer's echo is dropped
            REFUSED.info("{}: {}", refusal.getClass().getSimpleName(), refusal.getMessage());
        }
        return FilterReply.DENY;
    }

    private static Throwable refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSubmissionException || cause instanceof ChoiceTakenException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
