package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.desk.LocalName;

/**
 * The office's figures for a period, as {@link FigureQueries} counts them in the database: the totals, the tables per
 * organisation, country, course and meeting, and the totals of the periods before it (year over year).
 */
public record Figures(ReportPeriod period, LocalDate today, Totals totals, List<PartyRow> dispatchByOrganisation,
                      List<PartyRow> dispatchByCountry, List<CourseRow> courses, List<TraineeCountryRow> traineesByCountry,
                      List<MeetingRow> meetings, List<MeetingCountryRow> meetingsByCountry,
                      List<ContributionRow> contributions, List<Totals> trend) {

    /**
     * A period's totals. Dispatch: distinct experts and deployments that started in the period, the countries they went
     * to, the days in the field that fall in the period. Training: courses that start in the period, their nominations
     * (not refused), trainees accepted and completed, the countries of those accepted. Meetings held in the period, the
     * countries and delegates that attended. Contributions: commitments and disbursements dated in the period, in yen,
     * and the organisations they went to.
     */
    public record Totals(ReportPeriod period, long experts, long deployments, long dispatchCountries, long personDays,
                         long courses, long traineesNominated, long traineesAccepted, long traineesCompleted,
                         long traineeCountries, long meetingsHeld, long meetingCountries, long delegates,
                         BigDecimal committedYen, BigDecimal disbursedYen, long committingOrganisations,
                         long disbursingOrganisations) {

        public static Totals none(ReportPeriod period) {
            return new Totals(period, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
        }

        /** Nothing happened in the period: the draft says so in one sentence. */
        public boolean isEmpty() {
            return deployments == 0 && personDays == 0 && courses == 0 && traineesNominated == 0 && meetingsHeld == 0
                    && committedYen.signum() == 0 && disbursedYen.signum() == 0;
        }
    }

    /** Deployments by requesting organisation or by country. */
    public record PartyRow(LocalName party, long experts, long deployments, long personDays) {
    }

    public record CourseRow(String reference, String title, LocalDate startDate, LocalDate endDate, long nominated,
                            long accepted, long completed, long countries) {
    }

    public record TraineeCountryRow(LocalName country, long nominated, long accepted, long completed, long courses) {
    }

    public record MeetingRow(String reference, String title, String kind, LocalDate startDate, LocalDate endDate,
                             LocalName host, long countries, long delegates) {
    }

    public record MeetingCountryRow(LocalName country, long meetings, long delegates) {
    }

    /** Commitments and disbursements to one organisation in one currency, with their yen values. */
    public record ContributionRow(LocalName organisation, String currency, BigDecimal committed, BigDecimal committedYen,
                                  BigDecimal disbursed, BigDecimal disbursedYen, long contributions) {
    }
}
