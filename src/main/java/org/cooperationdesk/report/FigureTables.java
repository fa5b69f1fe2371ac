package org.cooperationdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cooperationdesk.report.FigureTable.Column;
import org.cooperationdesk.report.FigureTable.Type;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The figures as the tables the downloads write, in the page's order and with the page's titles, column names and
 * definitions (i18n/figures, the reader's language): summary, year over year, experts by requesting body and by
 * country, trainees by course and by country, meetings and meetings by country, contributions.
 */
@Component
public class FigureTables {

    private final MessageSource messages;
    private final PeriodNames periods;

    FigureTables(MessageSource messages, PeriodNames periods) {
        this.messages = messages;
        this.periods = periods;
    }

    public List<FigureTable> of(Figures figures) {
        Locale locale = LocaleContextHolder.getLocale();
        return List.of(summary(figures, locale), trend(figures, locale), expertsByOrganisation(figures, locale),
                expertsByCountry(figures, locale), courses(figures, locale), traineesByCountry(figures, locale),
                meetings(figures, locale), meetingsByCountry(figures, locale), contributions(figures, locale));
    }

    private FigureTable summary(Figures figures, Locale locale) {
        Figures.Totals t = figures.totals();
        List<List<Object>> rows = new ArrayList<>();
        Object[][] measures = {
                {"experts", t.experts()}, {"deployments", t.deployments()}, {"dispatchCountries", t.dispatchCountries()},
                {"personDays", t.personDays()}, {"courses", t.courses()}, {"traineesNominated", t.traineesNominated()},
                {"traineesAccepted", t.traineesAccepted()}, {"traineesCompleted", t.traineesCompleted()},
                {"traineeCountries", t.traineeCountries()}, {"meetingsHeld", t.meetingsHeld()},
                {"meetingCountries", t.meetingCountries()}, {"delegates", t.delegates()},
                {"committedYen", t.committedYen()}, {"disbursedYen", t.disbursedYen()},
                {"committingOrganisations", t.committingOrganisations()},
                {"disbursingOrganisations", t.disbursingOrganisations()}};
        for (Object[] measure : measures) {
            rows.add(Arrays.asList(text("figures.measure." + measure[0], locale), measure[1]));
        }
        return table("summary", "figures.summary.title", "figures.summary.note", locale,
                List.of(column("figures.summary.measure", Type.TEXT, locale), column("figures.summary.value", Type.YEN, locale)),
                rows);
    }

    private FigureTable trend(Figures figures, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Figures.Totals t : figures.trend()) {
            rows.add(Arrays.asList(periods.label(t.period(), locale), t.experts(), t.deployments(), t.personDays(), t.courses(),
                    t.traineesAccepted(), t.traineesCompleted(), t.meetingsHeld(), t.delegates(), t.committedYen(),
                    t.disbursedYen()));
        }
        return table("year-over-year", "figures.trend.title", "figures.trend.note", locale, List.of(
                column("figures.trend.period", Type.TEXT, locale),
                column("figures.measure.experts", Type.COUNT, locale),
                column("figures.measure.deployments", Type.COUNT, locale),
                column("figures.measure.personDays", Type.COUNT, locale),
                column("figures.measure.courses", Type.COUNT, locale),
                column("figures.measure.traineesAccepted", Type.COUNT, locale),
                column("figures.measure.traineesCompleted", Type.COUNT, locale),
                column("figures.measure.meetingsHeld", Type.COUNT, locale),
                column("figures.measure.delegates", Type.COUNT, locale),
                column("figures.measure.committedYen", Type.YEN, locale),
                column("figures.measure.disbursedYen", Type.YEN, locale)), rows);
    }

    private FigureTable expertsByOrganisation(Figures figures, Locale locale) {
        return table("experts-by-organisation", "figures.experts.title", "figures.experts.byOrganisation",
                "figures.experts.note", locale, List.of(column("figures.column.code", Type.TEXT, locale),
                        column("figures.column.organisation", Type.TEXT, locale),
                        column("figures.column.experts", Type.COUNT, locale),
                        column("figures.column.deployments", Type.COUNT, locale),
                        column("figures.column.personDays", Type.COUNT, locale)),
                figures.dispatchByOrganisation().stream().map(row -> Arrays.<Object>asList(row.party().code(),
                        row.party().in(locale), row.experts(), row.deployments(), row.personDays())).toList());
    }

    private FigureTable expertsByCountry(Figures figures, Locale locale) {
        return table("experts-by-country", "figures.experts.title", "figures.experts.byCountry",
                "figures.experts.note", locale, List.of(column("figures.column.code", Type.TEXT, locale),
                        column("figures.column.country", Type.TEXT, locale),
                        column("figures.column.experts", Type.COUNT, locale),
                        column("figures.column.deployments", Type.COUNT, locale),
                        column("figures.column.personDays", Type.COUNT, locale)),
                figures.dispatchByCountry().stream().map(row -> Arrays.<Object>asList(row.party().code(),
                        row.party().in(locale), row.experts(), row.deployments(), row.personDays())).toList());
    }

    private FigureTable courses(Figures figures, Locale locale) {
        return table("trainees-by-course", "figures.trainees.title", "figures.trainees.byCourse", "figures.trainees.note",
                locale, List.of(column("figures.column.reference", Type.TEXT, locale),
                        column("figures.column.course", Type.TEXT, locale),
                        column("figures.column.start", Type.DATE, locale),
                        column("figures.column.end", Type.DATE, locale),
                        column("figures.column.nominated", Type.COUNT, locale),
                        column("figures.column.accepted", Type.COUNT, locale),
                        column("figures.column.completed", Type.COUNT, locale),
                        column("figures.column.countries", Type.COUNT, locale)),
                figures.courses().stream().map(row -> Arrays.<Object>asList(row.reference(), row.title(), row.startDate(),
                        row.endDate(), row.nominated(), row.accepted(), row.completed(), row.countries())).toList());
    }

    private FigureTable traineesByCountry(Figures figures, Locale locale) {
        return table("trainees-by-country", "figures.trainees.title", "figures.trainees.byCountry",
                "figures.trainees.note", locale, List.of(column("figures.column.code", Type.TEXT, locale),
                        column("figures.column.country", Type.TEXT, locale),
                        column("figures.column.nominated", Type.COUNT, locale),
                        column("figures.column.accepted", Type.COUNT, locale),
                        column("figures.column.completed", Type.COUNT, locale),
                        column("figures.column.courses", Type.COUNT, locale)),
                figures.traineesByCountry().stream().map(row -> Arrays.<Object>asList(row.country().code(),
                        row.country().in(locale), row.nominated(), row.accepted(), row.completed(), row.courses())).toList());
    }

    private FigureTable meetings(Figures figures, Locale locale) {
        return table("meetings", "figures.meetings.title", "figures.meetings.byMeeting", "figures.meetings.note", locale,
                List.of(column("figures.column.reference", Type.TEXT, locale),
                        column("figures.column.meeting", Type.TEXT, locale),
                        column("figures.column.kind", Type.TEXT, locale),
                        column("figures.column.start", Type.DATE, locale),
                        column("figures.column.end", Type.DATE, locale),
                        column("figures.column.host", Type.TEXT, locale),
                        column("figures.column.countriesAttending", Type.COUNT, locale),
                        column("figures.column.delegates", Type.COUNT, locale)),
                figures.meetings().stream().map(row -> Arrays.<Object>asList(row.reference(), row.title(),
                        messages.getMessage("figures.kind." + row.kind(), null, row.kind(), locale), row.startDate(),
                        row.endDate(), row.host().in(locale), row.countries(), row.delegates())).toList());
    }

    private FigureTable meetingsByCountry(Figures figures, Locale locale) {
        return table("meetings-by-country", "figures.meetings.title", "figures.meetings.byCountry",
                "figures.meetings.note", locale, List.of(column("figures.column.code", Type.TEXT, locale),
                        column("figures.column.country", Type.TEXT, locale),
                        column("figures.column.meetings", Type.COUNT, locale),
                        column("figures.column.delegates", Type.COUNT, locale)),
                figures.meetingsByCountry().stream().map(row -> Arrays.<Object>asList(row.country().code(),
                        row.country().in(locale), row.meetings(), row.delegates())).toList());
    }

    private FigureTable contributions(Figures figures, Locale locale) {
        return table("contributions", "figures.contributions.title", "figures.contributions.note", locale,
                List.of(column("figures.column.code", Type.TEXT, locale),
                        column("figures.column.organisation", Type.TEXT, locale),
                        column("figures.column.currency", Type.TEXT, locale),
                        column("figures.column.committed", Type.AMOUNT, locale),
                        column("figures.column.committedYen", Type.YEN, locale),
                        column("figures.column.disbursed", Type.AMOUNT, locale),
                        column("figures.column.disbursedYen", Type.YEN, locale),
                        column("figures.column.contributions", Type.COUNT, locale)),
                figures.contributions().stream().map(row -> Arrays.<Object>asList(row.organisation().code(),
                        row.organisation().in(locale), row.currency(), row.committed(), row.committedYen(),
                        row.disbursed(), row.disbursedYen(), row.contributions())).toList());
    }

    // ---------------------------------------------------------------- helpers

    private FigureTable table(String id, String titleKey, String noteKey, Locale locale, List<Column> columns,
                              List<List<Object>> rows) {
        return new FigureTable(id, text("figures.sheet." + id, locale), text(titleKey, locale), text(noteKey, locale),
                columns, rows);
    }

    /** A table of a section with two tables: "Experts dispatched: by country", "専門家派遣：国別". */
    private FigureTable table(String id, String sectionKey, String titleKey, String noteKey, Locale locale,
                              List<Column> columns, List<List<Object>> rows) {
        return new FigureTable(id, text("figures.sheet." + id, locale),
                messages.getMessage("figures.table.part", new Object[] {text(sectionKey, locale),
                        text(titleKey, locale).toLowerCase(locale)}, locale), text(noteKey, locale), columns, rows);
    }

    private Column column(String key, Type type, Locale locale) {
        return new Column(text(key, locale), type);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
