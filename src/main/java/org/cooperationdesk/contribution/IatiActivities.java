package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.partner.PartnerRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A contribution as an IATI activity (standard 2.03): the fields the records hold, with IATI's codes, so that the
 * office can publish or report it as Japan's aid agencies do. The reporting organisation's identifier is a setting
 * (coopdesk.iati.reporting-org) until the ministry registers one.
 */
@Component
public class IatiActivities {

    /** Participating organisation roles (IATI OrganisationRole): 1 funding, 3 extending, 4 implementing. */
    public record Participant(int role, String ref, String name) {
    }

    /** Activity dates (IATI ActivityDateType): 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
    public record ActivityDate(int type, LocalDate date) {
    }

    public record Budget(LocalDate periodStart, LocalDate periodEnd, String currency, BigDecimal value, LocalDate valueDate) {
    }

    public record Transaction(int transactionType, LocalDate date, String currency, BigDecimal value, BigDecimal valueYen) {
    }

    public record IatiActivity(String identifier, String reportingOrg, String title, String description,
                               List<Participant> participatingOrgs, int activityStatus, List<ActivityDate> activityDates,
                               List<String> recipientCountries, String recipientRegion, String sector, String aidType,
                               String financeType, Budget budget, List<Transaction> transactions) {
    }

    /** Standard grant (IATI FinanceType 110). */
    static final String STANDARD_GRANT = "110";

    private final ContributionRecords records;
    private final PartnerRepository partners;
    private final String reportingOrg;
    private final String ministryName;

    IatiActivities(ContributionRecords records, PartnerRepository partners,
                   @Value("${coopdesk.iati.reporting-org}") String reportingOrg,
                   @Value("${coopdesk.iati.ministry-name}") String ministryName) {
        this.records = records;
        this.partners = partners;
        this.reportingOrg = reportingOrg;
        this.ministryName = ministryName;
    }

    public IatiActivity of(Contribution contribution) {
        List<ActivityDate> dates = new java.util.ArrayList<>(List.of(new ActivityDate(1, contribution.startDate()),
                new ActivityDate(3, contribution.endDate())));
        if (contribution.agreementSignedOn() != null) {
            dates.add(new ActivityDate(2, contribution.agreementSignedOn().isAfter(contribution.startDate())
                    ? contribution.agreementSignedOn() : contribution.startDate()));
        }
        List<Transaction> transactions = records.transactions(contribution.id()).stream()
                .map(t -> new Transaction(t.kind().iatiCode(), t.transactionDate(), t.currency(), t.amount(), t.amountYen()))
                .toList();
        if (contribution.status() == ContributionStatus.CLOSED || contribution.status() == ContributionStatus.TERMINATED) {
            transactions.stream().map(Transaction::date).max(LocalDate::compareTo)
                    .ifPresent(last -> dates.add(new ActivityDate(4, last)));
        }
        return new IatiActivity(reportingOrg + "-" + contribution.reference(), reportingOrg, contribution.title(),
                contribution.objectives(),
                List.of(new Participant(1, reportingOrg, ministryName), new Participant(3, reportingOrg, ministryName),
                        new Participant(4, contribution.organisationCode(),
                                partners.organisationName(contribution.organisationCode()))),
                contribution.status().iatiActivityStatus(), dates, contribution.recipientCountries(),
                contribution.recipientGroup(), contribution.sectorCode(), contribution.aidType(), STANDARD_GRANT,
                new Budget(contribution.startDate(), contribution.endDate(), contribution.amountCurrency(),
                        contribution.amount(), contribution.startDate()),
                transactions);
    }
}
