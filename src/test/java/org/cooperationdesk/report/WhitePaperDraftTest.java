package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The white paper's paragraph, drafted from a period's totals in English and Japanese: no Spring, no database. */
class WhitePaperDraftTest {

    final WhitePaperDraft draft = new WhitePaperDraft();

    @Test
    void shouldWriteTheYearsParagraphInBothLanguages() {
        Figures.Totals fy2008 = new Figures.Totals(ReportPeriod.fiscal(2008), 12, 14, 5, 340, 6, 60, 48, 45, 15, 3, 14, 120,
                new BigDecimal("450000000"), new BigDecimal("125000000"), 2, 3);

        WhitePaperDraft.Paragraphs paragraphs = draft.of(fy2008);

        assertThat(paragraphs.english()).isEqualTo("In FY2008 the Ministry dispatched 12 experts to 5 countries "
                + "(340 person-days), accepted 48 trainees from 15 countries in 6 courses (45 completed), held 3 international "
                + "meetings attended by 120 delegates from 14 countries, committed ¥450 million to 2 international "
                + "organisations, and disbursed ¥125 million to 3 international organisations.");
        assertThat(paragraphs.japanese()).isEqualTo("2008年度、厚生労働省は、5か国に専門家12名（延べ340人日）を派遣し、"
                + "6コースに15か国から研修員48名（うち修了45名）を受け入れ、国際会議3件を開催して14か国から代表120名の参加を得、"
                + "国際機関2機関に4億5,000万円の拠出を約束し、国際機関3機関に1億2,500万円を支払った。");
    }

    @Test
    void shouldWriteOneOfEachInTheSingular() {
        Figures.Totals one = new Figures.Totals(ReportPeriod.calendar(2009), 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1,
                new BigDecimal("2500000"), BigDecimal.ZERO, 1, 0);

        WhitePaperDraft.Paragraphs paragraphs = draft.of(one);

        assertThat(paragraphs.english()).isEqualTo("In 2009 the Ministry dispatched 1 expert to 1 country (1 person-day), "
                + "accepted 1 trainee from 1 country in 1 course, held 1 international meeting attended by 1 delegate from "
                + "1 country, and committed ¥2.5 million to 1 international organisation.");
        assertThat(paragraphs.japanese()).isEqualTo("2009年、厚生労働省は、1か国に専門家1名（延べ1人日）を派遣し、"
                + "1コースに1か国から研修員1名を受け入れ、国際会議1件を開催して1か国から代表1名の参加を得、"
                + "国際機関1機関に250万円の拠出を約束した。");
    }

    @Test
    void shouldSayAYearWithNothingInOneSentence() {
        WhitePaperDraft.Paragraphs paragraphs = draft.of(Figures.Totals.none(ReportPeriod.fiscal(1995)));

        assertThat(paragraphs.english()).isEqualTo("In FY1995 the Ministry's records show no expert dispatched, no trainee "
                + "accepted, no international meeting held and no contribution committed or disbursed.");
        assertThat(paragraphs.japanese()).isEqualTo("1995年度の厚生労働省の記録には、専門家の派遣、研修員の受入れ、国際会議の開催、"
                + "国際機関への拠出のいずれもない。");
        assertThat(paragraphs.english()).doesNotContain("0 experts", "0 countries");
    }

    @Test
    void shouldMentionOnlyWhatHappened() {
        Figures.Totals onlyMoney = new Figures.Totals(ReportPeriod.fiscal(2010), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, new BigDecimal("95000000"), 0, 1);

        WhitePaperDraft.Paragraphs paragraphs = draft.of(onlyMoney);

        assertThat(paragraphs.english()).isEqualTo("In FY2010 the Ministry disbursed ¥95 million to 1 international organisation.");
        assertThat(paragraphs.japanese()).isEqualTo("2010年度、厚生労働省は、国際機関1機関に9,500万円を支払った。");
    }

    @Test
    void shouldTellMissionsContinuedFromAnEarlierYearAndCoursesStillSelecting() {
        Figures.Totals continued = new Figures.Totals(ReportPeriod.fiscal(2009), 0, 0, 0, 20, 2, 9, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

        WhitePaperDraft.Paragraphs paragraphs = draft.of(continued);

        assertThat(paragraphs.english()).isEqualTo("In FY2009 the Ministry kept experts in the field on missions begun in "
                + "an earlier year (20 person-days) and opened 2 training courses for nominations.");
        assertThat(paragraphs.japanese()).isEqualTo("2009年度、厚生労働省は、前年度以前から派遣中の専門家による活動を継続し"
                + "（延べ20人日）、研修コース2件の研修員募集を行った。");
    }

    @Test
    void shouldWriteTheJapaneseWithoutEnglishWords() {
        Figures.Totals year = new Figures.Totals(ReportPeriod.fiscal(2008), 2, 3, 2, 27, 1, 6, 3, 2, 2, 1, 3, 4,
                new BigDecimal("350000000"), new BigDecimal("125000000"), 2, 2);

        assertThat(draft.of(year).japanese()).doesNotContainPattern("[A-Za-z]");
    }

    @Nested
    class Amounts {

        @Test
        void shouldWriteYenAsAWhitePaperDoes() {
            assertThat(YenWords.english(new BigDecimal("450000000"))).isEqualTo("¥450 million");
            assertThat(YenWords.japanese(new BigDecimal("450000000"))).isEqualTo("4億5,000万円");
            assertThat(YenWords.english(new BigDecimal("1250000000"))).isEqualTo("¥1.25 billion");
            assertThat(YenWords.japanese(new BigDecimal("1250000000"))).isEqualTo("12億5,000万円");
            assertThat(YenWords.english(new BigDecimal("850000"))).isEqualTo("¥850,000");
            assertThat(YenWords.japanese(new BigDecimal("850000"))).isEqualTo("85万円");
            assertThat(YenWords.english(new BigDecimal("9999"))).isEqualTo("¥9,999");
            assertThat(YenWords.japanese(new BigDecimal("9999"))).isEqualTo("9,999円");
        }

        @Test
        void shouldSayWhenAnAmountIsRounded() {
            assertThat(YenWords.english(new BigDecimal("450123456"))).isEqualTo("about ¥450.1 million");
            assertThat(YenWords.japanese(new BigDecimal("450123456"))).isEqualTo("約4億5,012万円");
        }
    }
}
