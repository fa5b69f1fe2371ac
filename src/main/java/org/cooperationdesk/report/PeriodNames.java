package org.cooperationdesk.report;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A period's name in the reader's language (i18n/figures, {@code figures.period.*}), for the page as
 * {@code @periods}, the charts and the downloads: "FY2008" or "2008年度", "2008" or "2008年"; under a chart's bars
 * "FY08" or "08年度". File names keep {@link ReportPeriod#label()}, the same in every language.
 */
@Component("periods")
public class PeriodNames {

    private final MessageSource messages;

    PeriodNames(MessageSource messages) {
        this.messages = messages;
    }

    /** "FY2008", "2008年度"; "2008", "2008年". */
    public String label(ReportPeriod period) {
        return label(period, LocaleContextHolder.getLocale());
    }

    public String label(ReportPeriod period, Locale locale) {
        return messages.getMessage("figures.period." + period.kind().parameter(), arguments(period), locale);
    }

    /** "FY08", "08年度"; "2008": under a chart's bars, where ten share a line. */
    public String shortLabel(ReportPeriod period, Locale locale) {
        return messages.getMessage("figures.period.short." + period.kind().parameter(), arguments(period), locale);
    }

    /** The year as digits (never grouped: "2008", not "2,008") and its last two digits ("08"). */
    private static Object[] arguments(ReportPeriod period) {
        return new Object[] {String.valueOf(period.year()), String.format(Locale.ROOT, "%02d", period.year() % 100)};
    }
}
