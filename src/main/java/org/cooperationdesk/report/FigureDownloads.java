package org.cooperationdesk.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cooperationdesk.partner.CountryGroup;
import org.cooperationdesk.partner.PartnerRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The figures of a period as files: CSV and XLSX with the page's tables, and the IATI activity file of the period's
 * activities. Each is built whole in memory before it is sent (a few hundred kilobytes at most), so a failure is an
 * error page, never half a file.
 */
@Service
public class FigureDownloads {

    /** A file to send: its name, media type and bytes. */
    public record File(String name, String mediaType, byte[] content) {
    }

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XML = "application/xml;charset=UTF-8";

    private final FiguresReport report;
    private final FigureTables tables;
    private final PeriodActivities activities;
    private final PartnerRepository partners;
    private final MessageSource messages;
    private final PeriodNames periods;
    private final Clock clock;

    FigureDownloads(FiguresReport report, FigureTables tables, PeriodActivities activities, PartnerRepository partners,
                    MessageSource messages, PeriodNames periods, Clock clock) {
        this.periods = periods;
        this.report = report;
        this.tables = tables;
        this.activities = activities;
        this.partners = partners;
        this.messages = messages;
        this.clock = clock;
    }

    /** coopdesk-figures-FY2026.csv */
    public File csv(ReportPeriod period) {
        Locale locale = LocaleContextHolder.getLocale();
        String label = periods.label(period, locale);
        byte[] content = FiguresCsv.write(period, label, text("figures.title", locale, label),
                List.of(text("figures.definitions.period", locale), text("figures.column.start", locale),
                        text("figures.column.end", locale)),
                tables.of(report.of(period)));
        return new File("coopdesk-figures-" + period.label() + ".csv", CSV, content);
    }

    /** coopdesk-figures-FY2026.xlsx; dates in the files are ISO (2026-04-01), as a spreadsheet reads them. */
    public File xlsx(ReportPeriod period) {
        Locale locale = LocaleContextHolder.getLocale();
        String label = periods.label(period, locale);
        String title = text("figures.title", locale, label);
        byte[] content = FiguresWorkbook.write(title, tables.of(report.of(period)), text("figures.sheet.definitions", locale),
                List.of(text("figures.definitions.table", locale), text("figures.definitions.definition", locale)),
                List.of(List.of(text("figures.definitions.period", locale), text("figures.definitions.periodValue", locale,
                                label, text("figures.lead", locale, period.start().toString(), period.last().toString(),
                                        text("figures.kind." + period.kind().parameter(), locale)))),
                        List.of(text("figures.definitions.iati", locale), text("figures.iati.note", locale))));
        return new File("coopdesk-figures-" + period.label() + ".xlsx", XLSX, content);
    }

    /** coopdesk-iati-activities-FY2026.xml */
    public File iati(ReportPeriod period) {
        Map<String, CountryGroup> groups = partners.groups().stream()
                .collect(Collectors.toMap(CountryGroup::code, Function.identity()));
        byte[] content = IatiActivityFile.write(activities.of(period, report.today()), OffsetDateTime.now(clock),
                activities.reportingOrg(), activities.ministryName(), groups);
        return new File("coopdesk-iati-activities-" + period.label() + ".xml", XML, content);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, locale);
    }
}
