package org.cooperationdesk.report;

import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's figures for a fiscal or calendar year ({@code ?period=fiscal|calendar&year=2026}, the current fiscal
 * year by default): the page with its tables, charts and the draft paragraph for the white paper, and the same
 * figures as CSV, XLSX and an IATI activity file. For the office's staff, as its records are; a period that makes no
 * sense is a 400 page that says which parameter and why, for the downloads too.
 */
@DeskPage
class FiguresPageController {

    private final FiguresReport report;
    private final FigureCharts charts;
    private final WhitePaperDraft draft;
    private final FigureDownloads downloads;
    private final Viewer viewer;

    FiguresPageController(FiguresReport report, FigureCharts charts, WhitePaperDraft draft, FigureDownloads downloads,
                          Viewer viewer) {
        this.report = report;
        this.charts = charts;
        this.draft = draft;
        this.downloads = downloads;
        this.viewer = viewer;
    }

    @GetMapping("/desk/figures")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String year, Model model) {
        ReportPeriod asked = period(period, year);
        Figures figures = report.of(asked);
        model.addAttribute("figures", figures);
        model.addAttribute("period", asked);
        model.addAttribute("lastYear", ReportPeriod.lastYear(figures.today()));
        model.addAttribute("firstYear", ReportPeriod.FIRST_YEAR);
        model.addAttribute("hasPrevious", asked.year() > ReportPeriod.FIRST_YEAR);
        model.addAttribute("hasNext", asked.year() < ReportPeriod.lastYear(figures.today()));
        model.addAttribute("draft", draft.of(figures.totals()));
        model.addAttribute("trendCharts", charts.trend(figures));
        model.addAttribute("countryCharts", charts.byCountry(figures));
        model.addAttribute("trendPeriods", figures.trend().size());
        return "report/figures";
    }

    @GetMapping("/desk/figures.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, @RequestParam(required = false) String year) {
        return send(downloads.csv(period(period, year)));
    }

    @GetMapping("/desk/figures.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) String year) {
        return send(downloads.xlsx(period(period, year)));
    }

    @GetMapping("/desk/figures/iati-activities.xml")
    ResponseEntity<byte[]> iati(@RequestParam(required = false) String period, @RequestParam(required = false) String year) {
        return send(downloads.iati(period(period, year)));
    }

    /** The reader's role first (403 before 400), then the period the address asks for. */
    private ReportPeriod period(String period, String year) {
        viewer.requireOffice();
        return ReportPeriod.parse(period, year, report.today());
    }

    private static ResponseEntity<byte[]> send(FigureDownloads.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .body(file.content());
    }
}
