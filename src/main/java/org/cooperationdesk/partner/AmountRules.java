package org.cooperationdesk.partner;

import java.time.Clock;
import java.time.LocalDate;

import org.cooperationdesk.form.FormSubmission;
import org.springframework.stereotype.Component;

/**
 * The one rule for an amount on a form: it has a currency (the form requires it), and the office can count it in
 * yen, i.e. a rate for that currency is recorded by today. Otherwise the submission is refused on the currency
 * field and nothing is recorded, rather than a request the reports and the approval rule cannot weigh.
 */
@Component
public class AmountRules {

    private final Currencies currencies;
    private final Clock clock;

    public AmountRules(Currencies currencies, Clock clock) {
        this.currencies = currencies;
        this.clock = clock;
    }

    public void requireYenRate(FormSubmission form, String amountField, String currencyField) {
        if (form.isBlank(amountField) || form.isBlank(currencyField) || form.hasErrorOn(currencyField)) {
            return;
        }
        String currency = form.text(currencyField);
        LocalDate today = LocalDate.now(clock);
        if (!Money.YEN.equals(currency) && currencies.rateOn(currency, today).isEmpty()) {
            form.reject(currencyField, "amount.noYenRate", today, currency);
        }
    }
}
