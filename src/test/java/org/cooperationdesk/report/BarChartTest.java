package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The charts' geometry, computed on the server: scales, bar lengths, the period marked, the text for screen readers. */
class BarChartTest {

    @Test
    void shouldScaleBarsToARoundTopAndMarkThePeriodShown() {
        BarChart chart = BarChart.vertical("trend-person-days", "Person-days", List.of(
                new BarChart.Value("FY2007", "FY07", BigDecimal.ZERO, "0", false),
                new BarChart.Value("FY2008", "FY08", new BigDecimal(27), "27", false),
                new BarChart.Value("FY2009", "FY09", new BigDecimal(44), "44", true)), value -> value.toBigInteger().toString());

        assertThat(BarChart.niceMax(List.of(new BarChart.Value("x", new BigDecimal(44), "44", false)))).isEqualTo(80);
        assertThat(chart.ticks()).extracting(BarChart.Tick::text).containsExactly("0", "20", "40", "60", "80");
        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("FY07", "FY08", "FY09");
        assertThat(chart.bars()).extracting(BarChart.Bar::highlighted).containsExactly(false, false, true);
        double plot = BarChart.VERTICAL_HEIGHT - 18 - 28;
        assertThat(Double.parseDouble(chart.bars().get(0).height())).isZero();
        assertThat(Double.parseDouble(chart.bars().get(2).height())).isCloseTo(plot * 44 / 80, org.assertj.core.data.Offset.offset(0.06));
        assertThat(Double.parseDouble(chart.bars().get(1).height()) / Double.parseDouble(chart.bars().get(2).height()))
                .isCloseTo(27.0 / 44, org.assertj.core.data.Offset.offset(0.01));
        assertThat(chart.description()).isEqualTo("Person-days: FY2007 0; FY2008 27; FY2009 44.");
    }

    @Test
    void shouldGiveSmallCountsAScaleOfWholeNumbers() {
        assertThat(BarChart.niceMax(List.of(new BarChart.Value("x", new BigDecimal(2), "2", false)))).isEqualTo(4);
        assertThat(BarChart.niceMax(List.of(new BarChart.Value("x", BigDecimal.ZERO, "0", false)))).isEqualTo(4);
        assertThat(BarChart.niceMax(List.of(new BarChart.Value("x", new BigDecimal(350), "350", false)))).isEqualTo(400);
    }

    @Test
    void shouldDrawOneRowPerCountryWithLongNamesShortened() {
        BarChart chart = BarChart.horizontal("top", "Delegates", List.of(
                new BarChart.Value("Democratic Republic of the Congo", new BigDecimal(3), "3", false),
                new BarChart.Value("Viet Nam", new BigDecimal(1), "1", false)));

        assertThat(chart.horizontal()).isTrue();
        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("Democratic Republic of…", "Viet Nam");
        assertThat(chart.description()).isEqualTo("Delegates: Democratic Republic of the Congo 3; Viet Nam 1.");
        assertThat(Double.parseDouble(chart.bars().get(0).width())).isEqualTo(3 * Double.parseDouble(chart.bars().get(1).width()),
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(BarChart.horizontal("none", "Delegates", List.of()).isEmpty()).isTrue();
    }
}
