package org.cooperationdesk.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.YenValue;

/**
 * An intergovernmental meeting or workshop the office organises; contributionId: the contribution that funds it, or
 * null.
 */
public record Meeting(
        long id,
        String reference,
        String title,
        String theme,
        String kind,
        LocalDate startDate,
        LocalDate endDate,
        String venue,
        String hostCountry,
        String coOrganisers,
        BigDecimal budget,
        String budgetCurrency,
        BigDecimal budgetYen,
        Long budgetRateId,
        int delegateQuota,
        LocalDate nominationDeadline,
        boolean fieldVisit,
        String fieldVisitSite,
        MeetingStatus status,
        boolean listFrozen,
        int calendarSequence,
        Long contributionId) {

    public Money budgetMoney() {
        return new Money(budget, budgetCurrency);
    }

    /** The budget as the office writes it, "USD 120,000". */
    @JsonProperty
    public String budgetText() {
        return budgetMoney().text();
    }

    public Meeting withBudgetYen(YenValue value) {
        return new Meeting(id, reference, title, theme, kind, startDate, endDate, venue, hostCountry, coOrganisers, budget,
                budgetCurrency, value.yen(), value.rateId(), delegateQuota, nominationDeadline, fieldVisit, fieldVisitSite,
                status, listFrozen, calendarSequence, contributionId);
    }
}
