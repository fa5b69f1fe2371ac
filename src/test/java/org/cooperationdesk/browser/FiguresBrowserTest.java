package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.letter.LetterStore;
import org.cooperationdesk.letter.Letters;
import org.cooperationdesk.report.KnownOffice;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

/**
 * The figures in the browser: a coordinator opens them from the desk, chooses a fiscal year, reads the tables and a
 * chart, and downloads the CSV, the workbook and the IATI file, each of which opens; then follows a meeting of the
 * year to its record page and opens the note verbale kept there.
 */
class FiguresBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    IdentityService identityService;
    @Autowired
    Letters letters;

    @Test
    void aCoordinatorOpensTheFiguresOfAYearAndDownloadsThem() throws Exception {
        KnownOffice.record(jdbcTemplate, identityService);

        step("the coordinator opens the desk, signing in on the way, and follows the link to the figures");
        browser.forgetLogin();
        browser.open(baseUrl() + "/desk");
        new LoginPage(browser, baseUrl()).signIn("coordinator");
        browser.visible(By.cssSelector("main.home"));
        browser.click(By.cssSelector("nav.lists a[href='/desk/figures']"));
        FiguresPage figures = new FiguresPage(browser);
        browser.waitUntil("the figures page", d -> figures.heading().startsWith("Figures FY"));

        step("chooses fiscal year 2008");
        figures.choose("Fiscal year (April to March)", 2008, "Figures FY2008");
        assertThat(figures.row("measure-personDays")).containsExactly("Person-days in the field", "27");
        assertThat(figures.row("measure-traineesAccepted")).containsExactly("Trainees accepted", "3");
        assertThat(figures.row("experts-organisation-WHO")).containsExactly("World Health Organization (GOARN)", "1", "2", "17");
        assertThat(figures.table("meetings-held").getText()).contains("MT-2008-9001", "Japan").doesNotContain("MT-2009-9003");
        assertThat(figures.chart("trend-person-days").getAttribute("role")).isEqualTo("img");
        assertThat(figures.chart("trend-person-days").findElement(By.tagName("desc")).getAttribute("textContent"))
                .endsWith("FY2008 27.");
        assertThat(figures.chart("top-person-days").findElements(By.cssSelector("rect"))).hasSize(2);
        assertThat(figures.draft("en")).startsWith("In FY2008 the Ministry dispatched 2 experts to 2 countries (27 person-days)");
        assertThat(figures.draft("ja")).startsWith("2008年度、厚生労働省は、2か国に専門家2名（延べ27人日）を派遣し");
        screenshot("figures-page", 2300);

        step("downloads the CSV, the workbook and the IATI file");
        HttpResponse<byte[]> csv = figures.download("download-csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("coopdesk-figures-FY2008.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("\r\nWHO,World Health Organization (GOARN),1,2,17\r\n", "Leaders in labour administration (労働行政)");

        HttpResponse<byte[]> xlsx = figures.download("download-xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Experts by requesting body").getRow(1).getCell(4).getNumericCellValue())
                    .isEqualTo(17);
        }

        HttpResponse<byte[]> iati = figures.download("download-iati");
        assertThat(iati.statusCode()).isEqualTo(200);
        Document activities = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(iati.body()));
        assertThat(activities.getDocumentElement().getAttribute("version")).isEqualTo("2.03");
        assertThat(activities.getElementsByTagName("iati-activity").getLength()).isEqualTo(7);

        step("follows the year's meeting to its record page and opens the note verbale kept there");
        LetterStore.StoredLetter noteVerbale = letters.issue(LetterRequest.of(LetterKind.NOTE_VERBALE, "MT-2008-9001",
                List.of("International cooperation focal point", "Government of Viet Nam"), Map.ofEntries(
                        Map.entry("meetingReference", "MT-2008-9001"),
                        Map.entry("title", "ASEAN and Japan High Level Officials Meeting on Caring Societies"),
                        Map.entry("theme", "Human resources for health and welfare"),
                        Map.entry("venue", "Mita Kaigisho"), Map.entry("hostCountry", "Japan"),
                        Map.entry("startDate", LocalDate.of(2008, 9, 2)), Map.entry("endDate", LocalDate.of(2008, 9, 4)),
                        Map.entry("nominationDeadline", LocalDate.of(2008, 7, 31)), Map.entry("delegateQuota", 3),
                        Map.entry("country", "Viet Nam"), Map.entry("counterpart", "the Government of Viet Nam")))
                .fileNamedFor("VN"), "browser:figures-journey", 0);
        browser.click(By.cssSelector("#meeting-MT-2008-9001 a[href='/desk/meetings/MT-2008-9001']"));
        WebElement letterLink = browser.visible(By.cssSelector("#documents a[type='application/pdf']"));
        assertThat(letterLink.getText()).isEqualTo("MT-2008-9001-note-verbale-VN.pdf");
        assertThat(browser.visible(By.id("documents")).getText()).contains("Note verbale", "Government of Viet Nam");
        HttpResponse<byte[]> pdf = figures.fetch(letterLink.getDomProperty("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.body()).isEqualTo(noteVerbale.content());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("NOTE VERBALE", "MT-2008-9001",
                    "renew to the Government of Viet Nam the assurances of its highest consideration");
        }
        screenshot("meeting-page-letters", 2000);
    }
}
