package org.cooperationdesk.benchmark;

import java.util.List;

/**
 * The office's pages the benchmark requests, in one table: each list with its first page, a search, a filter, a sorted
 * page and a late page, and each kind of record page with the query that lists its keys. Parameter names are those of
 * the page controllers (q, status, country, sort, dir, page, ...): when a controller renames one, change it here.
 *
 * <p>{@code {late}} in a list's path is replaced by a page about four fifths into the list, counted with its
 * {@code rows} query; {@code {key}} in a record's path by each key of the sample its {@code keys} query gives.
 */
final class DeskPages {

    private DeskPages() {
    }

    /** Rows per page of the lists (ResultPage.SIZE on the pages' side), for the late page. */
    static final int PAGE_SIZE = 25;

    /** list: the list's name; variant: which request of it; rows: counts the rows the list pages through (late page only). */
    record ListPage(String list, String variant, String path, String rows) {

        String label() {
            return list + ": " + variant;
        }
    }

    /** kind: the record's kind; keys: its keys, in a stable order, from which an even sample is taken. */
    record RecordPage(String kind, String path, String keys) {
    }

    private static ListPage list(String list, String variant, String path) {
        return new ListPage(list, variant, path, null);
    }

    private static ListPage late(String list, String path, String rows) {
        return new ListPage(list, "late page", path, rows);
    }

    static final List<ListPage> LISTS = List.of(
            list("dispatches", "first page", "/desk/dispatches"),
            list("dispatches", "search", "/desk/dispatches?q=influenza"),
            list("dispatches", "filter", "/desk/dispatches?status=COMPLETED&country=KH"),
            list("dispatches", "sorted", "/desk/dispatches?sort=country&dir=asc"),
            late("dispatches", "/desk/dispatches?page={late}", "select count(*) from dispatch_request"),

            list("experts", "first page", "/desk/experts"),
            list("experts", "search", "/desk/experts?q=epidemiology"),
            list("experts", "filter", "/desk/experts?availability=AVAILABLE&language=french&clearance=due"),
            list("experts", "sorted", "/desk/experts?sort=clearance&dir=asc"),
            late("experts", "/desk/experts?page={late}", "select count(*) from expert"),

            list("courses", "first page", "/desk/courses"),
            list("courses", "search", "/desk/courses?q=labour"),
            list("courses", "filter", "/desk/courses?status=CLOSED&country=LA"),
            list("courses", "sorted", "/desk/courses?sort=title&dir=asc"),
            late("courses", "/desk/courses?page={late}", "select count(*) from course"),

            list("meetings", "first page", "/desk/meetings"),
            list("meetings", "search", "/desk/meetings?q=welfare"),
            list("meetings", "filter", "/desk/meetings?kind=workshop&country=VN"),
            list("meetings", "sorted", "/desk/meetings?sort=host&dir=asc"),
            late("meetings", "/desk/meetings?page={late}", "select count(*) from meeting"),

            list("people", "first page", "/desk/people"),
            list("people", "search", "/desk/people?q=nguyen"),
            list("people", "filter", "/desk/people?role=DELEGATE"),
            list("people", "sorted", "/desk/people?sort=registered&dir=desc"),
            late("people", "/desk/people?page={late}", "select count(*) from person"),

            list("partners", "first page", "/desk/partners"),
            list("partners", "search", "/desk/partners?show=countries&q=island"),
            list("partners", "filter", "/desk/partners?show=countries&group=ASEAN"),
            list("partners", "sorted", "/desk/partners?show=countries&sort=region&dir=asc"),
            late("partners", "/desk/partners?show=countries&page={late}", "select count(*) from partner_country"),

            list("contributions", "first page", "/desk/contributions"),
            list("contributions", "search", "/desk/contributions?q=health"),
            list("contributions", "filter", "/desk/contributions?status=CLOSED&organisation=WHO"),
            list("contributions", "sorted", "/desk/contributions?sort=amount&dir=desc"),
            late("contributions", "/desk/contributions?page={late}", "select count(*) from contribution"));

    static final List<RecordPage> RECORDS = List.of(
            new RecordPage("dispatch request", "/desk/dispatches/{key}", "select reference from dispatch_request order by id"),
            new RecordPage("expert", "/desk/experts/{key}", "select person_id from expert order by person_id"),
            new RecordPage("course", "/desk/courses/{key}", "select reference from course order by id"),
            new RecordPage("meeting", "/desk/meetings/{key}", "select reference from meeting order by id"),
            new RecordPage("person", "/desk/people/{key}", "select id from person order by id"),
            new RecordPage("partner organisation", "/desk/partners/organisations/{key}",
                    "select code from partner_organisation order by code"),
            new RecordPage("contribution", "/desk/contributions/{key}", "select reference from contribution order by id"));

    /**
     * The figures report (target under 1 s at p95, not 100 ms: it aggregates a year of every room): a page per year
     * ({@code {year}} each of the ten fiscal or calendar years of the history, the current one included), or a download
     * of one year ({@code {year}} the last whole fiscal year). download: a file, whose bytes are counted as they come.
     */
    record ReportPage(String kind, String path, boolean everyYear, boolean download) {
    }

    static final List<ReportPage> REPORTS = List.of(
            new ReportPage("figures report, fiscal year (page)", "/desk/figures?period=fiscal&year={year}", true, false),
            new ReportPage("figures report, calendar year (page)", "/desk/figures?period=calendar&year={year}", true, false),
            new ReportPage("figures report, one fiscal year (CSV)", "/desk/figures.csv?period=fiscal&year={year}", false, true),
            new ReportPage("figures report, one fiscal year (XLSX)", "/desk/figures.xlsx?period=fiscal&year={year}", false, true),
            new ReportPage("figures report, one fiscal year (IATI XML)",
                    "/desk/figures/iati-activities.xml?period=fiscal&year={year}", false, true));

    /** Years of the history whose figures are requested. */
    static final int REPORT_YEARS = 10;

    /** Who requests the lists, and who each record page (the admin's shows the Cockpit links). */
    static final String LIST_USER = "coordinator";
    static final List<String> RECORD_USERS = List.of("coordinator", "admin");
    static final String REPORT_USER = "coordinator";
}
