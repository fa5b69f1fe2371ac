package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.cooperationdesk.report.KnownOffice;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

/**
 * The figures in the browser: a coordinator opens them from the desk, chooses a fiscal year, reads the tables and a
 * chart, and downloads the CSV, the workbook and the IATI file, each of which opens.
 */
class FiguresBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    IdentityService identityService;

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
    }
}
