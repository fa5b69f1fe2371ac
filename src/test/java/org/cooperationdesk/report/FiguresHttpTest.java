package org.cooperationdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cooperationdesk.LoginSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The figures over real HTTP: the page with its tables, links, charts and draft paragraph; the CSV, XLSX and IATI
 * downloads as a signed-in coordinator, each opened the way its reader opens it (CSV parsed, the workbook with POI,
 * the XML with DOM) and checked against the known figures of {@link KnownOffice}; who may see them; and a 400 page
 * that names the parameter for an address that makes no sense, on the page and on every download.
 */
class FiguresHttpTest extends KnownOfficeContext {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> DOWNLOADS = List.of("/desk/figures.csv", "/desk/figures.xlsx", "/desk/figures/iati-activities.xml");

    LoginSession coordinator;

    @BeforeAll
    void signIn() throws Exception {
        coordinator = LoginSession.signIn(port, "coordinator");
        assertThat(coordinator.signedIn()).isTrue();
    }

    @Nested
    class ThePage {

        @Test
        void shouldShowTheFiscalYearsFiguresEachRowLinkedToItsRecord() throws Exception {
            Html page = get("/desk/figures?period=fiscal&year=2008", "coordinator");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Figures FY2008</h1>", "1 April 2008 to 31 March 2009, Japanese fiscal year");
            assertThat(cells(page, "measure-experts")).containsExactly("Experts dispatched", "2");
            assertThat(cells(page, "measure-deployments")).containsExactly("Deployments", "3");
            assertThat(cells(page, "measure-personDays")).containsExactly("Person-days in the field", "27");
            assertThat(cells(page, "measure-traineesNominated")).containsExactly("Trainees nominated", "6");
            assertThat(cells(page, "measure-traineesAccepted")).containsExactly("Trainees accepted", "3");
            assertThat(cells(page, "measure-traineesCompleted")).containsExactly("Trainees who completed their course", "2");
            assertThat(cells(page, "measure-meetingsHeld")).containsExactly("Meetings and workshops held", "1");
            assertThat(cells(page, "measure-meetingCountries")).containsExactly("Countries attending", "3");
            assertThat(cells(page, "measure-delegates")).containsExactly("Delegates attending", "4");
            assertThat(cells(page, "measure-committedYen")).containsExactly("Contributions committed (JPY)", "JPY 350,000,000");
            assertThat(cells(page, "measure-disbursedYen")).containsExactly("Contributions disbursed (JPY)", "JPY 125,000,000");

            assertThat(cells(page, "experts-organisation-WHO")).containsExactly("World Health Organization (GOARN)", "1", "2", "17");
            assertThat(cells(page, "experts-organisation-ILO")).containsExactly("International Labour Organization", "1", "1", "10");
            assertThat(cells(page, "experts-country-LA")).containsExactly("Lao PDR", "2", "2", "15");
            assertThat(cells(page, "experts-country-KH")).containsExactly("Cambodia", "1", "1", "12");
            assertThat(cells(page, "course-TC-2008-9001")).containsExactly(
                    "TC-2008-9001 Leaders in labour administration (労働行政)",
                    date(LocalDate.of(2009, 2, 16)) + " to " + date(LocalDate.of(2009, 3, 6)), "6", "3", "2", "2");
            assertThat(cells(page, "trainees-country-KH")).containsExactly("Cambodia", "2", "2", "2", "1");
            assertThat(cells(page, "meeting-MT-2008-9001")).containsExactly("MT-2008-9001 ASEAN and Japan High Level "
                    + "Officials Meeting on Caring Societies High level officials meeting",
                    date(LocalDate.of(2008, 9, 2)) + " to " + date(LocalDate.of(2008, 9, 4)), "Japan",
                    "3", "4");
            assertThat(cells(page, "meetings-country-KH")).containsExactly("Cambodia", "1", "2");
            assertThat(cells(page, "contributions-WHO-USD")).containsExactly("World Health Organization (GOARN)",
                    "USD 3,000,000", "JPY 300,000,000", "USD 1,000,000", "JPY 105,000,000", "1");
            assertThat(page.body()).contains("href=\"/desk/partners/organisations/WHO\"", "href=\"/desk/partners/countries/LA\"",
                    "href=\"/desk/courses/TC-2008-9001\"", "href=\"/desk/meetings/MT-2008-9001\"")
                    .doesNotContain("TC-2008-9003", "TC-2008-9004", "MT-2009-9003", "DR-2008-9004");
            assertThat(page.body()).contains("A deployment is an expert who left on a mission",
                    "A course counts in the period it starts", "A meeting counts in the period it starts",
                    "A commitment counts on its date");
        }

        @Test
        void shouldCountACalendarYearAndSayWhatHasNothing() throws Exception {
            Html page = get("/desk/figures?period=calendar&year=2009", "manager");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Figures 2009</h1>", "calendar year (January to December)");
            assertThat(cells(page, "measure-personDays")).containsExactly("Person-days in the field", "56");
            assertThat(cells(page, "measure-courses")).containsExactly("Training courses", "2");
            assertThat(cells(page, "measure-meetingsHeld")).containsExactly("Meetings and workshops held", "0");
            assertThat(section(page, "meetings")).contains("Nothing in this period.");
        }

        @Test
        void shouldShowTheCurrentFiscalYearWhenNoneIsAsked() throws Exception {
            Html page = get("/desk/figures", "director");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Figures " + ReportPeriod.fiscalYearOf(LocalDate.now()).label() + "</h1>");
        }

        @Test
        void shouldShowZerosForAYearWithNothing() throws Exception {
            Html page = get("/desk/figures?period=fiscal&year=1995", "coordinator");

            assertThat(page.status()).isEqualTo(200);
            assertThat(cells(page, "measure-experts")).containsExactly("Experts dispatched", "0");
            assertThat(cells(page, "measure-committedYen")).containsExactly("Contributions committed (JPY)", "JPY 0");
            assertThat(page.body()).contains("In FY1995 the Ministry&#39;s records show no expert dispatched",
                    "1995年度の厚生労働省の記録には");
        }

        @Test
        void shouldDrawEachChartAsInlineSvgWithItsNumbersForScreenReaders() throws Exception {
            String page = get("/desk/figures?period=fiscal&year=2009", "coordinator").body();

            assertThat(page).doesNotContain("<script");
            assertThat(count(page, "<svg")).isEqualTo(10);
            assertThat(count(page, "role=\"img\"")).isEqualTo(10);
            assertThat(page).contains("aria-labelledby=\"trend-person-days-title trend-person-days-desc\"",
                    "<title id=\"trend-person-days-title\">Person-days in the field</title>",
                    "FY2007 0; FY2008 27; FY2009 44.</desc>",
                    "Trainees accepted: FY2000 0;",
                    "Committed (JPY million): FY2000 0; FY2001 0; FY2002 0; FY2003 0; FY2004 0; FY2005 0; FY2006 0; FY2007 0; "
                            + "FY2008 350; FY2009 0.</desc>",
                    "Person-days in the field by country: Cambodia 34; Thailand 10.</desc>",
                    "Delegates attending by country: Cambodia 3; Viet Nam 2.</desc>");
            assertThat(FiguresHttpTest.cells(page, "trend-table", "FY2008")).containsExactly("FY2008", "2", "3", "27", "1", "3", "2", "1", "4",
                    "JPY 350,000,000", "JPY 125,000,000");
        }

        @Test
        void shouldDraftTheWhitePaperParagraphInEnglishAndJapanese() throws Exception {
            String page = get("/desk/figures?period=fiscal&year=2008", "coordinator").body();

            assertThat(textarea(page, "draft-en")).isEqualTo("In FY2008 the Ministry dispatched 2 experts to 2 countries "
                    + "(27 person-days), accepted 3 trainees from 2 countries in 1 course (2 completed), held 1 international "
                    + "meeting attended by 4 delegates from 3 countries, committed ¥350 million to 2 international "
                    + "organisations, and disbursed ¥125 million to 2 international organisations.");
            assertThat(textarea(page, "draft-ja")).isEqualTo("2008年度、厚生労働省は、2か国に専門家2名（延べ27人日）を派遣し、"
                    + "1コースに2か国から研修員3名（うち修了2名）を受け入れ、国際会議1件を開催して3か国から代表4名の参加を得、"
                    + "国際機関2機関に3億5,000万円の拠出を約束し、国際機関2機関に1億2,500万円を支払った。");
        }

        @Test
        void shouldBeReachedFromTheDesksNavigationAndHomePage() throws Exception {
            Html home = get("/desk", "coordinator");
            Html figures = get("/desk/figures?year=2008", "coordinator");

            assertThat(home.body()).contains("href=\"/desk/figures\"", "The year&#39;s figures for the white paper");
            assertThat(figures.body()).contains("href=\"/desk/figures\" aria-current=\"page\" class=\"active\">Figures</a>",
                    "href=\"/desk/figures.csv?period=fiscal&amp;year=2008\"",
                    "href=\"/desk/figures.xlsx?period=fiscal&amp;year=2008\"",
                    "href=\"/desk/figures/iati-activities.xml?period=fiscal&amp;year=2008\"");
        }

        record Html(int status, String contentType, String body) {
        }

        Html get(String path, String user) throws Exception {
            HttpResponse<String> response = basic(path, user);
            return new Html(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        }

        List<String> cells(Html page, String rowId) {
            return FiguresHttpTest.cells(page.body(), rowId);
        }

        String section(Html page, String id) {
            Matcher section = Pattern.compile("<section id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(page.body());
            assertThat(section.find()).as("section " + id).isTrue();
            return section.group();
        }
    }

    @Nested
    class Csv {

        @Test
        void shouldHoldEveryTableAsASectionInUtf8WithAByteOrderMark() throws Exception {
            HttpResponse<byte[]> csv = coordinator.download("/desk/figures.csv?period=fiscal&year=2008");

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"coopdesk-figures-FY2008.csv\"");
            assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);

            Map<String, List<List<String>>> sections = sections(new String(csv.body(), StandardCharsets.UTF_8).substring(1));
            assertThat(sections.keySet()).containsExactly("Figures FY2008", "Summary", "Year over year",
                    "Experts dispatched: by requesting body", "Experts dispatched: by country", "Trainees: by course",
                    "Trainees: by country", "Meetings and workshops: by meeting", "Meetings and workshops: by country",
                    "Contributions through international organisations");
            assertThat(sections.get("Figures FY2008")).containsExactly(List.of("Period", "Start", "End"),
                    List.of("FY2008", "2008-04-01", "2009-03-31"));
            assertThat(sections.get("Summary")).contains(List.of("Measure", "Value"), List.of("Experts dispatched", "2"),
                    List.of("Person-days in the field", "27"), List.of("Trainees accepted", "3"),
                    List.of("Delegates attending", "4"), List.of("Contributions committed (JPY)", "350000000"),
                    List.of("Contributions disbursed (JPY)", "125000000"));
            assertThat(sections.get("Experts dispatched: by requesting body")).containsExactly(
                    List.of("Code", "Organisation", "Experts dispatched", "Deployments", "Person-days"),
                    List.of("WHO", "World Health Organization (GOARN)", "1", "2", "17"),
                    List.of("ILO", "International Labour Organization", "1", "1", "10"));
            assertThat(sections.get("Trainees: by course")).containsExactly(
                    List.of("Reference", "Course", "Start", "End", "Nominated", "Accepted", "Completed", "Countries"),
                    List.of("TC-2008-9001", "Leaders in labour administration (労働行政)", "2009-02-16", "2009-03-06", "6", "3",
                            "2", "2"));
            assertThat(sections.get("Meetings and workshops: by country")).containsExactly(
                    List.of("Code", "Country", "Meetings attended", "Delegates attending"),
                    List.of("KH", "Cambodia", "1", "2"), List.of("LA", "Lao PDR", "1", "1"), List.of("TH", "Thailand", "1", "1"));
            assertThat(sections.get("Contributions through international organisations")).containsExactly(
                    List.of("Code", "Organisation", "Currency", "Committed", "Committed (JPY)", "Disbursed", "Disbursed (JPY)",
                            "Contributions"),
                    List.of("WHO", "World Health Organization (GOARN)", "USD", "3000000.00", "300000000", "1000000.00",
                            "105000000", "1"),
                    List.of("ILO", "International Labour Organization", "JPY", "50000000.00", "50000000", "20000000.00",
                            "20000000", "1"));
            assertThat(sections.get("Year over year").get(10)).containsExactly("FY2008", "2", "3", "27", "1", "3", "2", "1",
                    "4", "350000000", "125000000");
        }

        @Test
        void shouldWriteATextThatLooksLikeAFormulaAsText() {
            assertThat(FiguresCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
            assertThat(FiguresCsv.cell("Lao PDR, Viet Nam")).isEqualTo("\"Lao PDR, Viet Nam\"");
            assertThat(FiguresCsv.cell("-1")).isEqualTo("'-1");
        }
    }

    @Nested
    class Workbook {

        @Test
        void shouldHoldOneSheetPerTableWithABoldHeaderAndNumbersAsNumbers() throws Exception {
            HttpResponse<byte[]> xlsx = coordinator.download("/desk/figures.xlsx?period=fiscal&year=2008");

            assertThat(xlsx.statusCode()).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Type"))
                    .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(xlsx.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"coopdesk-figures-FY2008.xlsx\"");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                List<String> sheets = new ArrayList<>();
                workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
                assertThat(sheets).containsExactly("Summary", "Year over year", "Experts by requesting body",
                        "Experts by country", "Trainees by course", "Trainees by country", "Meetings", "Meetings by country",
                        "Contributions", "Definitions");
                for (Sheet sheet : workbook) {
                    Row header = sheet.getRow(0);
                    assertThat(header.getPhysicalNumberOfCells()).as(sheet.getSheetName()).isGreaterThan(1);
                    header.forEach(cell -> assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold())
                            .as(sheet.getSheetName() + " " + cell.getStringCellValue()).isTrue());
                }

                Sheet experts = workbook.getSheet("Experts by requesting body");
                assertThat(texts(experts.getRow(0))).containsExactly("Code", "Organisation", "Experts dispatched", "Deployments",
                        "Person-days");
                assertThat(experts.getRow(1).getCell(0).getStringCellValue()).isEqualTo("WHO");
                assertNumber(experts.getRow(1).getCell(2), 1, "#,##0");
                assertNumber(experts.getRow(1).getCell(3), 2, "#,##0");
                assertNumber(experts.getRow(1).getCell(4), 17, "#,##0");
                assertThat(experts.getLastRowNum()).isEqualTo(2);

                Sheet contributions = workbook.getSheet("Contributions");
                assertThat(contributions.getRow(1).getCell(2).getStringCellValue()).isEqualTo("USD");
                assertNumber(contributions.getRow(1).getCell(3), 3_000_000, "#,##0.00");
                assertNumber(contributions.getRow(1).getCell(4), 300_000_000, "#,##0");
                assertNumber(contributions.getRow(1).getCell(5), 1_000_000, "#,##0.00");
                assertNumber(contributions.getRow(1).getCell(6), 105_000_000, "#,##0");

                Sheet summary = workbook.getSheet("Summary");
                assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Person-days in the field");
                assertNumber(summary.getRow(4).getCell(1), 27, "#,##0");

                Sheet courses = workbook.getSheet("Trainees by course");
                assertThat(courses.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Leaders in labour administration (労働行政)");
                assertThat(courses.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.of(2009, 2, 16));
                assertNumber(courses.getRow(1).getCell(5), 3, "#,##0");

                Sheet definitions = workbook.getSheet("Definitions");
                assertThat(definitions.getRow(1).getCell(1).getStringCellValue())
                        .isEqualTo("FY2008: 2008-04-01 to 2009-03-31, Japanese fiscal year (April to March).");
                assertThat(texts(definitions.getRow(5))).first().isEqualTo("Experts dispatched: by requesting body");
                assertThat(definitions.getRow(5).getCell(1).getStringCellValue()).startsWith("A deployment is an expert");
            }
        }

        private void assertNumber(Cell cell, double value, String format) {
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).isEqualTo(value);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
        }

        private List<String> texts(Row row) {
            List<String> texts = new ArrayList<>();
            row.forEach(cell -> texts.add(cell.getStringCellValue()));
            return texts;
        }
    }

    @Nested
    class Iati {

        /** The 2.03 schema's sequence of iati-activity's children (the elements the file may hold, in order). */
        static final List<String> ORDER = List.of("iati-identifier", "reporting-org", "title", "description",
                "participating-org", "other-identifier", "activity-status", "activity-date", "contact-info",
                "activity-scope", "recipient-country", "recipient-region", "location", "sector", "tag",
                "country-budget-items", "humanitarian-scope", "policy-marker", "collaboration-type", "default-flow-type",
                "default-finance-type", "default-aid-type", "default-tied-status", "budget", "planned-disbursement",
                "capital-spend", "transaction", "document-link", "related-activity", "legacy-data", "conditions", "result",
                "crs-add", "fss");

        @Test
        void shouldListThePeriodsActivitiesWithTheElementsTheStandardRequiresInItsOrder() throws Exception {
            HttpResponse<byte[]> xml = coordinator.download("/desk/figures/iati-activities.xml?period=fiscal&year=2008");

            assertThat(xml.statusCode()).isEqualTo(200);
            assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
            assertThat(xml.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"coopdesk-iati-activities-FY2008.xml\"");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.body()));
            Element root = document.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("iati-activities");
            assertThat(root.getAttribute("version")).isEqualTo("2.03");
            assertThat(OffsetDateTime.parse(root.getAttribute("generated-datetime"))).isNotNull();

            Map<String, Element> activities = new LinkedHashMap<>();
            for (Element activity : children(root)) {
                assertThat(activity.getTagName()).isEqualTo("iati-activity");
                activities.put(text(child(activity, "iati-identifier")), activity);
            }
            assertThat(activities.keySet()).containsExactly("JP-MHLW-CT-2008-9001", "JP-MHLW-CT-2008-9002",
                    "JP-MHLW-DR-2008-9001", "JP-MHLW-DR-2008-9002", "JP-MHLW-DR-2008-9003", "JP-MHLW-TC-2008-9001",
                    "JP-MHLW-MT-2008-9001");

            for (Map.Entry<String, Element> entry : activities.entrySet()) {
                String id = entry.getKey();
                Element activity = entry.getValue();
                List<String> names = children(activity).stream().map(Element::getTagName).toList();
                assertThat(names).as(id + " in the schema's order").isSortedAccordingTo(
                        (a, b) -> Integer.compare(ORDER.indexOf(a), ORDER.indexOf(b)));
                assertThat(names).as(id).allMatch(ORDER::contains);
                Element reporting = child(activity, "reporting-org");
                assertThat(id).startsWith(reporting.getAttribute("ref") + "-");
                assertThat(reporting.getAttribute("ref")).isEqualTo("JP-MHLW");
                assertThat(reporting.getAttribute("type")).isEqualTo("10");
                assertThat(text(child(reporting, "narrative"))).isEqualTo("Ministry of Health, Labour and Welfare, Japan");
                assertThat(text(child(child(activity, "title"), "narrative"))).as(id).isNotBlank();
                assertThat(text(child(child(activity, "description"), "narrative"))).as(id).isNotBlank();
                assertThat(all(activity, "participating-org")).as(id).isNotEmpty()
                        .allMatch(org -> org.getAttribute("role").matches("[1-4]"));
                assertThat(child(activity, "activity-status").getAttribute("code")).as(id).matches("[1-6]");
                assertThat(all(activity, "activity-date")).as(id)
                        .anyMatch(date -> List.of("1", "2").contains(date.getAttribute("type")))
                        .allMatch(date -> LocalDate.parse(date.getAttribute("iso-date")) != null);
                assertThat(names).as(id).containsAnyOf("recipient-country", "recipient-region");
                assertThat(child(activity, "sector").getAttribute("code")).as(id).matches("[0-9]{5}");
                assertThat(child(activity, "default-aid-type").getAttribute("vocabulary")).isEqualTo("1");
            }

            assertThat(aidType(activities, "JP-MHLW-CT-2008-9001")).isEqualTo("B03");
            assertThat(aidType(activities, "JP-MHLW-DR-2008-9001")).as("donor country personnel").isEqualTo("D01");
            assertThat(aidType(activities, "JP-MHLW-TC-2008-9001")).as("training in donor country").isEqualTo("E01");
            assertThat(aidType(activities, "JP-MHLW-MT-2008-9001")).as("other technical assistance").isEqualTo("D02");

            Element who = activities.get("JP-MHLW-CT-2008-9001");
            assertThat(child(who, "recipient-region").getAttribute("code")).isEqualTo("ASEAN");
            assertThat(child(who, "recipient-region").getAttribute("vocabulary")).isEqualTo("99");
            assertThat(all(who, "transaction")).extracting(t -> child(t, "transaction-type").getAttribute("code") + " "
                    + child(t, "transaction-date").getAttribute("iso-date") + " " + child(t, "value").getAttribute("currency")
                    + " " + text(child(t, "value"))).containsExactly("2 2008-06-15 USD 3000000", "3 2008-07-01 USD 1000000",
                    "3 2009-05-20 USD 1000000");
            assertThat(all(who, "budget")).as("two years' budget, a year each (IATI's rule)")
                    .extracting(b -> child(b, "period-start").getAttribute("iso-date") + " "
                            + child(b, "period-end").getAttribute("iso-date") + " " + text(child(b, "value")))
                    .containsExactly("2008-04-01 2009-03-31 1500000", "2009-04-01 2010-03-31 1500000");
            assertThat(all(activities.get("JP-MHLW-CT-2008-9002"), "recipient-country"))
                    .extracting(c -> c.getAttribute("code") + " " + c.getAttribute("percentage"))
                    .containsExactly("LA 50", "VN 50");

            Element mission = activities.get("JP-MHLW-DR-2008-9001");
            assertThat(child(mission, "recipient-country").getAttribute("code")).isEqualTo("KH");
            assertThat(child(mission, "activity-status").getAttribute("code")).isEqualTo("4");
            assertThat(all(mission, "activity-date")).extracting(d -> d.getAttribute("type") + " " + d.getAttribute("iso-date"))
                    .contains("2 2009-03-20", "4 2009-04-20");
            assertThat(all(activities.get("JP-MHLW-MT-2008-9001"), "recipient-country"))
                    .extracting(c -> c.getAttribute("code") + " " + c.getAttribute("percentage"))
                    .containsExactly("KH 33.33", "LA 33.33", "TH 33.34");
            assertThat(all(activities.get("JP-MHLW-TC-2008-9001"), "recipient-country"))
                    .extracting(c -> c.getAttribute("code")).as("the countries of the trainees accepted").containsExactly("KH", "LA");
        }

        private String aidType(Map<String, Element> activities, String id) {
            return child(activities.get(id), "default-aid-type").getAttribute("code");
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAUserOutsideTheOfficesGroupsThePageAndEveryDownload() throws Exception {
            for (String path : List.of("/desk/figures", "/desk/figures.csv", "/desk/figures.xlsx",
                    "/desk/figures/iati-activities.xml")) {
                HttpResponse<String> refused = basic(path + "?year=2008", KnownOffice.VISITOR);

                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.body()).as(path).contains("Not for your role", "signed in as " + KnownOffice.VISITOR);
            }
        }

        @Test
        void shouldSendAnAnonymousReaderToTheLoginPage() throws Exception {
            for (String path : List.of("/desk/figures", "/desk/figures.csv", "/desk/figures/iati-activities.xml")) {
                LoginSession.Response page = LoginSession.anonymous(port).page(path);

                assertThat(page.status()).as(path).isEqualTo(302);
                assertThat(page.redirect()).as(path).isEqualTo("/login");
            }
        }

        @Test
        void shouldAnswerAMalformedPeriodOrYearWithABadRequestPageNamingIt() throws Exception {
            int tooLate = LocalDate.now().getYear() + 2;
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("period=fiscal&year=abc", "The year “abc” in the address is not a year");
            malformed.put("period=fiscal&year=20x6", "The year “20x6” in the address is not a year");
            malformed.put("period=calendar&year=1989", "The year 1989 in the address is outside the figures: they go from 1990");
            malformed.put("period=fiscal&year=" + tooLate, "The year " + tooLate + " in the address is outside the figures");
            malformed.put("period=weekly&year=2008", "The period “weekly” in the address is neither fiscal");
            for (String path : List.of("/desk/figures", "/desk/figures.csv", "/desk/figures.xlsx",
                    "/desk/figures/iati-activities.xml")) {
                for (Map.Entry<String, String> entry : malformed.entrySet()) {
                    HttpResponse<byte[]> page = coordinator.download(path + "?" + entry.getKey());
                    String body = new String(page.body(), StandardCharsets.UTF_8);

                    assertThat(page.statusCode()).as(path + "?" + entry.getKey()).isEqualTo(400);
                    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                    assertThat(body).as(path + "?" + entry.getKey()).contains("This address does not make sense",
                            entry.getValue()).doesNotContain("Exception", "Whitelabel");
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    HttpResponse<String> basic(String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "en-GB")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A date as the pages' tables write it for an English reader: "5 Jan 2027". */
    static String date(LocalDate date) {
        return org.cooperationdesk.language.LanguageFormats.shortDate(date, org.cooperationdesk.language.Language.EN);
    }

    /** The texts of the cells (th and td) of the table row with this id, tags removed, spaces collapsed. */
    static List<String> cells(String page, String rowId) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(rowId) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("row " + rowId).isTrue();
        return cellsOf(row.group(1));
    }

    /** The cells of the row of a table (by the table's id) whose first cell reads firstCell. */
    static List<String> cells(String page, String tableId, String firstCell) {
        Matcher table = Pattern.compile("<table[^>]*id=\"" + tableId + "\".*?</table>", Pattern.DOTALL).matcher(page);
        assertThat(table.find()).as("table " + tableId).isTrue();
        Matcher rows = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group());
        while (rows.find()) {
            List<String> cells = cellsOf(rows.group(1));
            if (!cells.isEmpty() && cells.get(0).equals(firstCell)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + tableId);
    }

    private static List<String> cellsOf(String row) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row);
        while (cell.find()) {
            cells.add(cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip().replace("&amp;", "&"));
        }
        return cells;
    }

    static String textarea(String page, String id) {
        Matcher textarea = Pattern.compile("<textarea[^>]*id=\"" + id + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertThat(textarea.find()).as("textarea " + id).isTrue();
        return textarea.group(1).replace("&#39;", "'").replace("&amp;", "&");
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The CSV's sections by title: each a list of rows of cells (RFC 4180 quoting). */
    static Map<String, List<List<String>>> sections(String csv) {
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (List<String> row : rows(csv)) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                current = null;
            } else if (current == null) {
                current = new ArrayList<>();
                sections.put(row.get(0), current);
            } else {
                current.add(row);
            }
        }
        return sections;
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    static List<Element> all(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getTagName().equals(name)).toList();
    }

    static Element child(Element parent, String name) {
        return all(parent, name).stream().findFirst().orElseThrow(() -> new AssertionError("no " + name + " in "
                + parent.getTagName()));
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }
}
