package org.cooperationdesk.dispatch;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * How long an expert has to answer an offer (standby rosters use 72 hours), counted from the moment the offer mail
 * goes out. The step "Send offer to expert" keeps that instant as {@code offerAnswerDue} (its input and output
 * parameters); the answer task's due date, its timer "No answer in 72 hours" and the offer's personal link all end at
 * it, so that the link never outlives the offer nor dies before it.
 */
@Component("offerDeadline")
public class OfferDeadline {

    public static final Duration ANSWER_TIME = Duration.ofHours(72);

    /** The engine's clock: the one its timers fall due on. */
    public Date fromNow() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(ANSWER_TIME));
    }
}
