package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.cooperationdesk.desk.LocalName;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The page's charts, where a reader would rather look than read: each measure over the last periods of the same kind
 * (year over year), and the countries with the most person-days, trainees accepted and delegates in the period. Titles
 * from i18n/figures, numbers in the reader's language.
 */
@Component
public class FigureCharts {

    /** Countries in a "top countries" chart. */
    public static final int TOP_COUNTRIES = 10;

    private static final BigDecimal MILLION = new BigDecimal(1_000_000);

    private final MessageSource messages;
    private final PeriodNames periods;

    FigureCharts(MessageSource messages, PeriodNames periods) {
        this.messages = messages;
        this.periods = periods;
    }

    /** One chart per measure over the periods, the period shown highlighted. */
    public List<BarChart> trend(Figures figures) {
        return List.of(
                trend(figures, "experts", "figures.measure.experts", Figures.Totals::experts),
                trend(figures, "person-days", "figures.measure.personDays", Figures.Totals::personDays),
                trend(figures, "trainees", "figures.measure.traineesAccepted", Figures.Totals::traineesAccepted),
                trend(figures, "meetings", "figures.measure.meetingsHeld", Figures.Totals::meetingsHeld),
                trend(figures, "delegates", "figures.measure.delegates", Figures.Totals::delegates),
                millions(figures, "committed", "figures.measure.committedMillions", Figures.Totals::committedYen),
                millions(figures, "disbursed", "figures.measure.disbursedMillions", Figures.Totals::disbursedYen));
    }

    /** The countries with the most person-days, trainees accepted and delegates attending in the period. */
    public List<BarChart> byCountry(Figures figures) {
        return List.of(
                top("top-person-days", "figures.byCountry.personDays", figures.dispatchByCountry(),
                        Figures.PartyRow::party, Figures.PartyRow::personDays),
                top("top-trainees", "figures.byCountry.traineesAccepted", figures.traineesByCountry(),
                        Figures.TraineeCountryRow::country, Figures.TraineeCountryRow::accepted),
                top("top-delegates", "figures.byCountry.delegates", figures.meetingsByCountry(),
                        Figures.MeetingCountryRow::country, Figures.MeetingCountryRow::delegates));
    }

    private BarChart trend(Figures figures, String id, String titleKey, ToLongFunction<Figures.Totals> measure) {
        NumberFormat number = NumberFormat.getIntegerInstance(locale());
        Locale locale = locale();
        List<BarChart.Value> values = figures.trend().stream().map(t -> new BarChart.Value(periods.label(t.period(), locale),
                periods.shortLabel(t.period(), locale), BigDecimal.valueOf(measure.applyAsLong(t)),
                number.format(measure.applyAsLong(t)), t.period().equals(figures.period()))).toList();
        String title = text(titleKey);
        return BarChart.vertical("trend-" + id, title, description(title, values), values,
                value -> number.format(value.longValue()));
    }

    private BarChart millions(Figures figures, String id, String titleKey, Function<Figures.Totals, BigDecimal> yen) {
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMaximumFractionDigits(1);
        Locale locale = locale();
        List<BarChart.Value> values = figures.trend().stream().map(t -> {
            BigDecimal millions = yen.apply(t).divide(MILLION, 1, RoundingMode.HALF_UP);
            return new BarChart.Value(periods.label(t.period(), locale), periods.shortLabel(t.period(), locale), millions,
                    number.format(millions), t.period().equals(figures.period()));
        }).toList();
        String title = text(titleKey);
        return BarChart.vertical("trend-" + id, title, description(title, values), values, number::format);
    }

    private <T> BarChart top(String id, String titleKey, List<T> rows, Function<T, LocalName> country,
                             ToLongFunction<T> measure) {
        NumberFormat number = NumberFormat.getIntegerInstance(locale());
        List<BarChart.Value> values = rows.stream().filter(row -> measure.applyAsLong(row) > 0)
                .sorted(Comparator.comparingLong(measure).reversed().thenComparing(row -> country.apply(row).getText()))
                .limit(TOP_COUNTRIES)
                .map(row -> new BarChart.Value(country.apply(row).getText(), BigDecimal.valueOf(measure.applyAsLong(row)),
                        number.format(measure.applyAsLong(row)), false))
                .toList();
        String title = text(titleKey);
        return BarChart.horizontal(id, title, description(title, values), values);
    }

    /** "Experts dispatched: FY2017 12; FY2018 15.", "派遣専門家数：2017年度 12、2018年度 15。" for screen readers. */
    private String description(String title, List<BarChart.Value> values) {
        Locale locale = locale();
        String separator = text("figures.chart.separator");
        StringBuilder all = new StringBuilder();
        for (BarChart.Value value : values) {
            all.append(all.isEmpty() ? "" : separator)
                    .append(messages.getMessage("figures.chart.value", new Object[] {value.label(), value.valueText()}, locale));
        }
        return messages.getMessage("figures.chart.description", new Object[] {title, all.toString()}, locale);
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
