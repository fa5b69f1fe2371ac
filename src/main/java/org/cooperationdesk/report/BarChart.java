package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A bar chart drawn by the page itself as inline SVG ({@code templates/report/charts.html}): every coordinate is
 * computed here, so the browser needs no script and nothing is fetched. Vertical bars for a measure over the periods
 * (the period asked for highlighted), horizontal bars for the top countries of a period. The title and description
 * (each bar's label and value) make it readable to a screen reader; the same numbers are in the page's tables.
 */
public record BarChart(String id, String title, String description, boolean horizontal, int width, int height,
                       List<Bar> bars, List<Tick> ticks, String axisX1, String axisX2, String axisY1, String axisY2) {

    /** A bar and its texts; coordinates already formatted for SVG. */
    public record Bar(String label, String valueText, String x, String y, String width, String height, String labelX,
                      String labelY, String valueX, String valueY, boolean highlighted) {
    }

    /** A grid line with its value: (x1, y1) to (x2, y2), the text at (textX, textY). */
    public record Tick(String text, String x1, String y1, String x2, String y2, String textX, String textY) {
    }

    /** One bar's data before it is drawn: label (as the description and tables say it), shown (under the bar). */
    public record Value(String label, String shown, BigDecimal value, String valueText, boolean highlighted) {

        public Value(String label, BigDecimal value, String valueText, boolean highlighted) {
            this(label, label, value, valueText, highlighted);
        }
    }

    static final int VERTICAL_WIDTH = 400;
    static final int VERTICAL_HEIGHT = 210;
    static final int HORIZONTAL_WIDTH = 400;
    static final int ROW = 22;

    private static final double TOP = 18;
    private static final double BOTTOM = 28;
    private static final double LEFT = 46;
    private static final double RIGHT = 10;
    private static final double LABEL_COLUMN = 150;

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** Bars side by side over the periods, a grid of round values behind them; described in English. */
    static BarChart vertical(String id, String title, List<Value> values, Function<BigDecimal, String> tickText) {
        return vertical(id, title, description(title, values), values, tickText);
    }

    /** Bars side by side over the periods, with the description the reader's language gives them. */
    static BarChart vertical(String id, String title, String description, List<Value> values,
                             Function<BigDecimal, String> tickText) {
        double plotWidth = VERTICAL_WIDTH - LEFT - RIGHT;
        double plotHeight = VERTICAL_HEIGHT - TOP - BOTTOM;
        double baseline = TOP + plotHeight;
        double max = niceMax(values);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = baseline - plotHeight * i / 4;
            ticks.add(new Tick(tickText.apply(BigDecimal.valueOf(value)), f(LEFT), f(y), f(VERTICAL_WIDTH - RIGHT), f(y),
                    f(LEFT - 4), f(y + 3.5)));
        }
        double slot = values.isEmpty() ? plotWidth : plotWidth / values.size();
        double barWidth = slot * 0.64;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            double height = max == 0 ? 0 : plotHeight * value.value().doubleValue() / max;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double centre = LEFT + slot * i + slot / 2;
            bars.add(new Bar(value.shown(), value.valueText(), f(x), f(baseline - height), f(barWidth), f(height), f(centre),
                    f(baseline + 16), f(centre), f(baseline - height - 4), value.highlighted()));
        }
        return new BarChart(id, title, description, false, VERTICAL_WIDTH, VERTICAL_HEIGHT, bars, ticks,
                f(LEFT), f(VERTICAL_WIDTH - RIGHT), f(baseline), f(baseline));
    }

    /** One row per value (largest first, as given), the label on the left, the value after the bar; in English. */
    static BarChart horizontal(String id, String title, List<Value> values) {
        return horizontal(id, title, description(title, values), values);
    }

    /** One row per value, with the description the reader's language gives them. */
    static BarChart horizontal(String id, String title, String description, List<Value> values) {
        double plotWidth = HORIZONTAL_WIDTH - LABEL_COLUMN - 56;
        int height = (int) (TOP / 2 + ROW * Math.max(1, values.size()) + 6);
        double max = niceMax(values);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            double y = TOP / 2 + ROW * i;
            double width = max == 0 ? 0 : plotWidth * value.value().doubleValue() / max;
            bars.add(new Bar(shortened(value.shown()), value.valueText(), f(LABEL_COLUMN), f(y + 3), f(width), f(ROW - 6),
                    f(LABEL_COLUMN - 6), f(y + ROW / 2.0 + 4), f(LABEL_COLUMN + width + 4), f(y + ROW / 2.0 + 4),
                    value.highlighted()));
        }
        return new BarChart(id, title, description, true, HORIZONTAL_WIDTH, height, bars, List.of(),
                f(LABEL_COLUMN), f(LABEL_COLUMN), f(TOP / 2), f(height - 6));
    }

    /** A label that fits the label column (the description keeps it whole). */
    static String shortened(String label) {
        return label.length() <= 24 ? label : label.substring(0, 23).strip() + "…";
    }

    /** "Experts dispatched: FY2017 12; FY2018 15; ..." for screen readers (report/FigureCharts words it per language). */
    private static String description(String title, List<Value> values) {
        StringBuilder text = new StringBuilder(title).append(':');
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? " " : "; ").append(values.get(i).label()).append(' ').append(values.get(i).valueText());
        }
        return text.append('.').toString();
    }

    /** The top of the scale: four grid steps of 1, 2 or 5 times a power of ten (at least 1) reaching the largest value. */
    static double niceMax(List<Value> values) {
        double largest = values.stream().mapToDouble(value -> value.value().doubleValue()).max().orElse(0);
        double rough = Math.max(1, largest / 4);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= rough) {
                return 4 * step * power;
            }
        }
        return 40 * power;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
