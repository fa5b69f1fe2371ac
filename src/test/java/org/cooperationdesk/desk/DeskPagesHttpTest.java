package org.cooperationdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.DispatchRequests;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.LoginSession;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The office's pages over real HTTP (demo users, HTTP Basic): every list searches, filters, sorts and pages; every
 * record's page shows its data, decisions, mails, documents and open tasks; roles see what they may; a refused page,
 * a missing record and a malformed address are pages that say so, never a stack trace, while the API keeps its JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:desk-pages-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskPagesHttpTest {

    /** A user of the engine in none of the office's groups. */
    static final String VISITOR = "visitor";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Page(int status, String contentType, String body) {

        boolean isHtml() {
            return contentType != null && contentType.startsWith("text/html");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    final LocalDate today = LocalDate.now();
    final int lastYear = today.getYear() - 1;
    String started;
    String lastYearsMeeting;
    String lastYearsCourse;
    String contribution;
    long personId;

    @BeforeAll
    void recordTheOfficesWork() throws Exception {
        if (identityService.createUserQuery().userId(VISITOR).count() == 0) {
            User visitor = identityService.newUser(VISITOR);
            visitor.setFirstName("Vera");
            visitor.setLastName("Visitor");
            visitor.setPassword(VISITOR);
            identityService.saveUser(visitor);
        }
        HttpApi.Response created = new HttpApi(port).post("/api/dispatch-requests", "coordinator", dispatchRequest());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        started = created.json().path("reference").asText();
        jdbc.update("""
                insert into decision (subject_type, subject_ref, kind, outcome, reason, decided_by, decided_at)
                values ('DISPATCH_REQUEST', ?, 'release', 'rejected', 'Budget exhausted this quarter', 'manager', ?)""",
                started, LocalDateTime.now());
        notification(started, "DELIVERED", null, "Offer of a mission");
        notification(started, "FAILED", "Connection refused by the mail server", "Deployment confirmed");

        long nakamura = expert("Dr. Aiko Nakamura");
        for (int i = 0; i < 30; i++) {
            request("DR-2020-%04d".formatted(100 + i), i % 2 == 0 ? "KH" : "LA", "Archive mission " + i, "COMPLETED",
                    LocalDate.of(2020, 1, 1).plusDays(i));
        }
        long deployed = request("DR-2021-0001", "TH", "Dengue outbreak response", "DEPLOYED", today.minusDays(5));
        jdbc.update("""
                insert into dispatch (request_id, expert_id, status, offered_at, departure_date, planned_return_date)
                values (?, ?, 'DEPLOYED', ?, ?, ?)""", deployed, nakamura, LocalDateTime.now(), today.minusDays(5),
                today.plusDays(10));
        long finished = request("DR-2021-0002", "VN", "Avian influenza laboratory support", "COMPLETED",
                today.minusDays(60));
        jdbc.update("""
                insert into dispatch (request_id, expert_id, status, offered_at, departure_date, planned_return_date,
                                      return_date, person_days)
                values (?, ?, 'COMPLETED', ?, ?, ?, ?, 14)""", finished, expert("Ms. Naomi Yamamoto"), LocalDateTime.now(),
                today.minusDays(60), today.minusDays(47), today.minusDays(47));

        jdbc.update("insert into person (full_name, email, email_key, nationality, created_at) values (?, ?, ?, ?, ?)",
                "Mai Tran", "Mai.Tran@moh.gov.vn.example", "mai.tran@moh.gov.vn.example", "Vietnamese", LocalDateTime.now());
        personId = jdbc.queryForObject("select id from person where email_key = 'mai.tran@moh.gov.vn.example'", Long.class);

        lastYearsCourse = "TC-%d-0901".formatted(lastYear);
        long course = course(lastYearsCourse, "Field epidemiology training", LocalDate.of(lastYear, 6, 1), "CLOSED");
        jdbc.update("insert into course_invitation (course_id, country_code, status) values (?, 'VN', 'NOMINATED')", course);
        jdbc.update("insert into course_invitation (course_id, country_code, status) values (?, 'KH', 'INVITED')", course);
        jdbc.update("""
                insert into nomination (course_id, country_code, person_id, official_application, full_name, email,
                                        date_of_birth, passport_number, passport_expiry, health_declaration, status,
                                        certificate_number, received_at)
                values (?, 'VN', ?, true, 'Mai Tran', 'Mai.Tran@moh.gov.vn.example', ?, 'N1234567', ?, true, 'COMPLETED',
                        ?, ?)""", course, personId, LocalDate.of(1985, 3, 14), today.plusYears(4), lastYearsCourse + "/01",
                LocalDateTime.now());
        course("TC-%d-0902".formatted(today.getYear() + 1), "Occupational safety inspection", today.plusDays(40), "OPEN");

        lastYearsMeeting = "MT-%d-0901".formatted(lastYear);
        long meeting = meeting(lastYearsMeeting, "ASEAN senior officials meeting on health", LocalDate.of(lastYear, 9, 10));
        jdbc.update("insert into meeting_invitation (meeting_id, country_code, status) values (?, 'VN', 'NOMINATED')", meeting);
        jdbc.update("""
                insert into meeting_invitation (meeting_id, country_code, status, reason)
                values (?, 'KH', 'DECLINED', 'General elections that week')""", meeting);
        delegate(meeting, personId, "Mai Tran", "HEAD", "D7654321", "ATTENDED");
        delegate(meeting, null, "Nguyen Van Binh", "DELEGATE", "D1111111", "ABSENT");

        contribution = "CT-%d-0901".formatted(lastYear);
        long agreed = contribution(contribution, "WHO", "Pandemic influenza preparedness in ASEAN", "3000000", "USD",
                "450000000", "ACTIVE");
        jdbc.update("""
                insert into contribution_tranche (contribution_id, tranche_no, amount, currency, status, requested_at, paid_on)
                values (?, 1, 1000000, 'USD', 'PAID', ?, ?)""", agreed, LocalDateTime.now(), today.minusDays(30));
        contribution("CT-%d-0902".formatted(lastYear), "ILO", "Industrial relations in Viet Nam", "50000000", "JPY",
                "50000000", "APPRAISAL");
    }

    @Nested
    class Home {

        @Test
        void shouldShowTodaysFiguresEachLinkingToItsList() throws Exception {
            Page home = get("/desk", "coordinator");

            assertThat(home.status()).isEqualTo(200);
            assertThat(home.isHtml()).isTrue();
            assertThat(home.body()).contains("Today at the office", "Requests open", "Experts deployed now",
                    "Courses coming", "Meetings coming", "Contributions active",
                    "href=\"/desk/dispatches?deployed=true\"", "href=\"/desk/experts?clearance=due\"");
        }

        @Test
        void shouldFrameEveryPageWithTheNavigationTheUserAndASignOutForm() throws Exception {
            String page = get("/desk/dispatches", "coordinator").body();

            assertThat(page).contains("Cooperation Desk", "href=\"/desk/experts\"", "href=\"/desk/courses\"",
                    "href=\"/desk/meetings\"", "href=\"/desk/people\"", "href=\"/desk/partners\"",
                    "href=\"/desk/contributions\"", "href=\"/camunda/app/tasklist/default/\"", "Signed in as Haruka Sato",
                    "action=\"/logout\"", "method=\"post\"");
            assertThat(page).doesNotContain("/camunda/app/cockpit/default/");
            assertThat(get("/desk/dispatches", "admin").body()).contains("href=\"/camunda/app/cockpit/default/\"");
        }
    }

    @Nested
    class Dispatches {

        @Test
        void shouldListRequestsWithCountryBodyExpertDatesAndPersonDays() throws Exception {
            String page = get("/desk/dispatches?q=Avian", "manager").body();

            assertThat(page).contains("DR-2021-0002", "href=\"/desk/dispatches/DR-2021-0002\"", "Viet Nam",
                    "World Health Organization (GOARN)", "Ms. Naomi Yamamoto", ">14<")
                    .contains(date(today.minusDays(60)), date(today.minusDays(47)))
                    .doesNotContain("DR-2021-0001");
        }

        @Test
        void shouldFindTheExpertsDeployedNowAndWhere() throws Exception {
            String page = get("/desk/dispatches?deployed=true", "coordinator").body();

            assertThat(page).contains("DR-2021-0001", "Dr. Aiko Nakamura", "Thailand")
                    .doesNotContain("DR-2021-0002", "DR-2020-0100", started);
        }

        @Test
        void shouldFilterByStatusAndCountry() throws Exception {
            String page = get("/desk/dispatches?status=COMPLETED&country=KH", "coordinator").body();

            assertThat(page).contains("DR-2020-0100", "DR-2020-0102", "1 to 15 of 15")
                    .doesNotContain("DR-2020-0101", "DR-2021-0002");
            assertThat(get("/desk/dispatches?open=true", "coordinator").body()).contains(started, "DR-2021-0001")
                    .doesNotContain("DR-2020-0100");
        }

        @Test
        void shouldPageTwentyFiveAtATimeKeepingTheSearch() throws Exception {
            String first = get("/desk/dispatches?q=archive+mission&sort=reference&dir=asc", "coordinator").body();
            String second = get("/desk/dispatches?q=archive+mission&sort=reference&dir=asc&page=2", "coordinator").body();

            assertThat(first).contains("1 to 25 of 30", "Page 1 of 2", "DR-2020-0100", "DR-2020-0124")
                    .doesNotContain("DR-2020-0125")
                    .contains("href=\"/desk/dispatches?q=archive%20mission&amp;sort=reference&amp;dir=asc&amp;page=2\"");
            assertThat(second).contains("26 to 30 of 30", "Page 2 of 2", "DR-2020-0125", "DR-2020-0129")
                    .doesNotContain("DR-2020-0124");
        }

        @Test
        void shouldSortByAColumnBothWays() throws Exception {
            String ascending = get("/desk/dispatches?q=archive&sort=reference&dir=asc", "coordinator").body();
            String descending = get("/desk/dispatches?q=archive&sort=reference&dir=desc", "coordinator").body();

            assertThat(ascending.indexOf("DR-2020-0100")).isLessThan(ascending.indexOf("DR-2020-0101"));
            assertThat(descending).contains("DR-2020-0129").doesNotContain("DR-2020-0100");
            assertThat(descending.indexOf("DR-2020-0129")).isLessThan(descending.indexOf("DR-2020-0128"));
            assertThat(ascending).contains("aria-sort=\"ascending\"");
            assertThat(descending).contains("aria-sort=\"descending\"");
        }

        @Test
        void shouldShowARequestWithItsDecisionsMailsDocumentsAndOpenTasks() throws Exception {
            Task match = taskService.createTaskQuery().processInstanceBusinessKey(started).singleResult();

            String page = get("/desk/dispatches/" + started, "coordinator").body();

            assertThat(page).contains(started, "Outbreak investigation support", "Philippines", "GOARN-DESK-001",
                    "Support the national team");
            assertThat(page).contains("Decisions", "release", "rejected", "Budget exhausted this quarter", "manager");
            assertThat(page).contains("Mails sent", "Offer of a mission", "Delivered", "Deployment confirmed", "Failed",
                    "Connection refused by the mail server");
            assertThat(page).contains("Documents", "There are no documents yet");
            assertThat(page).contains("Open tasks", "Match expert from roster", "Coordinators",
                    "href=\"/camunda/app/tasklist/default/#/?task=" + match.getId() + "\"");
            assertThat(page).doesNotContain("/camunda/app/cockpit/default/#/process-instance/");
        }

        @Test
        void shouldLinkAdminsToTheProcessInstanceInCockpit() throws Exception {
            String processInstanceId = taskService.createTaskQuery().processInstanceBusinessKey(started).singleResult()
                    .getProcessInstanceId();

            assertThat(get("/desk/dispatches/" + started, "admin").body())
                    .contains("href=\"/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "\"");
        }

        @Test
        void shouldShowAnAgreedRequestsExpertAndPersonDays() throws Exception {
            assertThat(get("/desk/dispatches/DR-2021-0002", "director").body())
                    .contains("Ms. Naomi Yamamoto", "Completed", ">14<", "No task is open.");
        }
    }

    @Nested
    class Roster {

        @Test
        void shouldListExpertsWithAvailabilityLanguagesSkillsAndClearance() throws Exception {
            String page = get("/desk/experts", "manager").body();

            assertThat(page).contains("Dr. Aiko Nakamura", "Available", "English, Japanese",
                    "epidemiology, influenza, outbreak investigation", "National Institute of Infectious Diseases",
                    "Not on call", "1 to 14 of 14");
        }

        @Test
        void shouldHighlightAndFilterClearancesExpiringWithinNinetyDays() throws Exception {
            String page = get("/desk/experts?clearance=due", "coordinator").body();

            assertThat(page).contains("Dr. Ahmad Rahman", "expires soon", "class=\"clearance expiring\"", "1 to 1 of 1")
                    .doesNotContain("Dr. Aiko Nakamura");
        }

        @Test
        void shouldSearchBySkillAndFilterByLanguageAndAvailability() throws Exception {
            assertThat(get("/desk/experts?q=tuberculosis", "coordinator").body()).contains("Dr. Maria Santos", "1 to 1 of 1");
            assertThat(get("/desk/experts?language=thai", "coordinator").body()).contains("Dr. Somchai Prasert", "1 to 1 of 1");
            assertThat(get("/desk/experts?availability=UNAVAILABLE", "coordinator").body())
                    .contains("Dr. Yuki Hayashi", "1 to 1 of 1");
        }

        @Test
        void shouldSortByClearanceSoonestFirst() throws Exception {
            String page = get("/desk/experts?sort=clearance&dir=asc", "coordinator").body();

            assertThat(page.indexOf("Dr. Ahmad Rahman")).isLessThan(page.indexOf("Dr. Aiko Nakamura"));
        }

        @Test
        void shouldShowAnExpertWithTheirMissions() throws Exception {
            String page = get("/desk/experts/" + expert("Dr. Aiko Nakamura"), "coordinator").body();

            assertThat(page).contains("Dr. Aiko Nakamura", "Medical clearance valid until", date(today.plusYears(2)),
                    "Missions", "DR-2021-0001", "Dengue outbreak response", "Thailand", "Documents");
        }
    }

    @Nested
    class Courses {

        @Test
        void shouldListCoursesWithTheirNominationsAndFilterByYear() throws Exception {
            String page = get("/desk/courses?year=" + lastYear, "manager").body();

            assertThat(page).contains(lastYearsCourse, "Field epidemiology training", "1 received, 1 placed of 20",
                    "1 to 1 of 1");
            assertThat(get("/desk/courses?coming=true", "manager").body()).contains("Occupational safety inspection")
                    .doesNotContain(lastYearsCourse);
            assertThat(get("/desk/courses?country=KH", "manager").body()).contains(lastYearsCourse)
                    .doesNotContain("Occupational safety inspection");
        }

        @Test
        void shouldShowACoursesInvitationsAndNominationsWithPassportsForCoordinatorsOnly() throws Exception {
            String coordinator = get("/desk/courses/" + lastYearsCourse, "coordinator").body();
            String manager = get("/desk/courses/" + lastYearsCourse, "manager").body();

            assertThat(coordinator).contains("Governments invited", "Viet Nam", "Cambodia", "Mai Tran", "Completed",
                    lastYearsCourse + "/01", "N1234567", "href=\"/desk/people/" + personId + "\"", "Documents");
            assertThat(manager).contains("Mai Tran", lastYearsCourse + "/01",
                    "Passport numbers and dates of birth are shown to coordinators only.")
                    .doesNotContain("N1234567");
        }
    }

    @Nested
    class Meetings {

        @Test
        void shouldFindLastYearsOfficialsMeeting() throws Exception {
            String page = get("/desk/meetings?year=" + lastYear + "&q=officials", "coordinator").body();

            assertThat(page).contains(lastYearsMeeting, "ASEAN senior officials meeting on health", "Thailand",
                    "High level officials meeting", "2 countries, 2 delegates, 1 attended");
            assertThat(get("/desk/meetings?year=" + (lastYear - 1), "coordinator").body()).doesNotContain(lastYearsMeeting);
        }

        @Test
        void shouldShowWhoAttendedAndEachGovernmentsAnswer() throws Exception {
            String page = get("/desk/meetings/" + lastYearsMeeting, "manager").body();

            assertThat(page).contains("Delegates and attendance", "Mai Tran", "Head of delegation", "Attended",
                    "Nguyen Van Binh", "Absent", "Declined", "General elections that week")
                    .doesNotContain("D7654321");
            assertThat(get("/desk/meetings/" + lastYearsMeeting, "coordinator").body()).contains("D7654321");
        }
    }

    @Nested
    class People {

        @Test
        void shouldFindAPersonByNameOrAddressWithTheirRoles() throws Exception {
            String page = get("/desk/people?q=MAI.TRAN@moh", "coordinator").body();

            assertThat(page).contains("Mai Tran", "Nominee (1)", "Delegate (1)", "1 to 1 of 1");
            assertThat(get("/desk/people?role=EXPERT", "coordinator").body()).contains("Dr. Aiko Nakamura", "1 to 14 of 14")
                    .doesNotContain("Mai Tran");
        }

        @Test
        void shouldShowOnePersonAcrossRolesAndYears() throws Exception {
            String page = get("/desk/people/" + personId, "coordinator").body();

            assertThat(page).contains("Mai Tran", lastYearsCourse, "Field epidemiology training", lastYearsMeeting,
                    "ASEAN senior officials meeting on health", "Head of delegation", "Attended", "N1234567", "D7654321");
            assertThat(get("/desk/people/" + personId, "director").body()).doesNotContain("N1234567", "D7654321");
        }
    }

    @Nested
    class Partners {

        @Test
        void shouldListOrganisationsAndCountriesWithTheirChannels() throws Exception {
            assertThat(get("/desk/partners", "coordinator").body()).contains("World Health Organization (GOARN)",
                    "href=\"/desk/partners/organisations/WHO\"");
            String asean = get("/desk/partners?show=countries&group=ASEAN", "coordinator").body();
            assertThat(asean).contains("Cambodia", "Viet Nam", "Focal point", "1 to 10 of 10").doesNotContain("Japan");
            assertThat(get("/desk/partners?show=countries&q=viet", "coordinator").body()).contains("Viet Nam", "1 to 1 of 1");
        }

        @Test
        void shouldShowAnOrganisationAndACountry() throws Exception {
            assertThat(get("/desk/partners/organisations/WHO", "manager").body()).contains("World Health Organization (GOARN)",
                    "Contacts", "href=\"/desk/contributions?organisation=WHO\"", "Contributions: 1");
            assertThat(get("/desk/partners/countries/KH", "manager").body()).contains("Cambodia", "Focal point",
                    "href=\"/desk/dispatches?country=KH\"", "Requests for experts: 15");
        }

        @Test
        void shouldBeReadableByAnySignedInUserAsThePartnersApiIs() throws Exception {
            assertThat(get("/desk/partners", VISITOR).status()).isEqualTo(200);
        }
    }

    @Nested
    class Contributions {

        @Test
        void shouldListContributionsWithAmountPaidAndStatus() throws Exception {
            String page = get("/desk/contributions?sort=amount&dir=desc", "manager").body();

            assertThat(page).contains(contribution, "Pandemic influenza preparedness in ASEAN", "USD 3,000,000",
                    "USD 1,000,000", "Active", "JPY 50,000,000", "Appraisal");
            assertThat(page.indexOf(contribution)).isLessThan(page.indexOf("Industrial relations in Viet Nam"));
            assertThat(get("/desk/contributions?status=ACTIVE", "manager").body()).contains(contribution)
                    .doesNotContain("Industrial relations in Viet Nam");
        }

        @Test
        void shouldShowAContributionWithItsTranches() throws Exception {
            String page = get("/desk/contributions/" + contribution, "coordinator").body();

            assertThat(page).contains(contribution, "World Health Organization (GOARN)", "Tranches", "Paid",
                    "USD 1,000,000 paid, USD 2,000,000 remaining", "Documents", "No task is open.");
        }
    }

    @Nested
    class Languages {

        final String japaneseDate = "uuuu/MM/dd";

        @Test
        void shouldWriteDatesAndAmountsAsTheReadersLanguageDoes() throws Exception {
            String german = get("/desk/contributions/" + contribution, "coordinator", "de-DE").body();
            String japanese = get("/desk/experts/" + expert("Dr. Aiko Nakamura"), "coordinator", "ja-JP").body();

            assertThat(german).as("a language the office does not work in is English").contains("USD 3,000,000",
                    "Pandemic influenza preparedness in ASEAN", "<html lang=\"en\"");
            assertThat(japanese).contains(today.plusYears(2).format(DateTimeFormatter.ofPattern(japaneseDate)));
        }

        @Test
        void shouldAnswerAcceptLanguageJaInJapanese() throws Exception {
            String home = get("/desk", "coordinator", "ja").body();
            String dispatches = get("/desk/dispatches?q=DR-2021", "coordinator", "ja-JP,ja;q=0.9,en;q=0.5").body();
            String contributions = get("/desk/contributions", "coordinator", "ja").body();
            String expert = get("/desk/experts/" + expert("Dr. Aiko Nakamura"), "coordinator", "ja").body();

            assertThat(home).contains("<html lang=\"ja\"", "<title>国際協力デスク</title>", "<h1>本日の事務室</h1>",
                    ">要請・専門家派遣</a>", ">専門家名簿</a>", ">研修コース</a>", ">会議</a>", ">拠出金</a>", ">実績統計</a>",
                    "Haruka Sato としてサインイン中", ">サインアウト</button>",
                    LanguageFormats.date(today, Language.JA) + "現在の件数です。")
                    .doesNotContain("Today at the office", "Requests and dispatches");
            assertThat(dispatches).contains("<h1>要請・専門家派遣</h1>", ">派遣中</td>", ">完了</td>", ">タイ</a>",
                    ">ベトナム</a>", today.minusDays(60).format(DateTimeFormatter.ofPattern(japaneseDate)),
                    "世界保健機関（WHO・GOARN）");
            assertThat(contributions).contains("<h1>拠出金</h1>", "JPY 50,000,000", "USD 1,000,000", ">実施中<", ">審査中<");
            assertThat(expert).contains("英語、日本語", "対応可");
        }

        @Test
        void shouldSwitchWithLangKeepingItInACookieForAYear() throws Exception {
            HttpResponse<String> switched = send("/desk/dispatches?status=DEPLOYED&lang=ja", "coordinator",
                    "Accept-Language", "en-GB");

            assertThat(switched.statusCode()).isEqualTo(200);
            assertThat(switched.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("coopdesk-lang=ja").contains("Max-Age=31536000", "Path=/", "SameSite=Lax"));
            assertThat(switched.body()).contains("<html lang=\"ja\"", "<h1>要請・専門家派遣</h1>", "DR-2021-0001")
                    .doesNotContain("DR-2021-0002");
        }

        @Test
        void shouldLetTheCookieWinOverAcceptLanguage() throws Exception {
            String japanese = send("/desk/courses", "coordinator", "Accept-Language", "en-GB",
                    "Cookie", "coopdesk-lang=ja").body();
            String english = send("/desk/courses", "coordinator", "Accept-Language", "ja-JP",
                    "Cookie", "coopdesk-lang=en").body();

            assertThat(japanese).contains("<html lang=\"ja\"", "<h1>研修コース</h1>");
            assertThat(english).contains("<html lang=\"en\"", "<h1>Courses</h1>");
        }

        @Test
        void shouldAnswerEnglishForALanguageTheOfficeDoesNotWorkIn() throws Exception {
            HttpResponse<String> unknownSwitch = send("/desk/meetings?lang=xx", "coordinator", "Accept-Language", "fr-FR");
            HttpResponse<String> french = send("/desk/meetings", "coordinator", "Accept-Language", "fr-FR,de;q=0.8");
            HttpResponse<String> none = send("/desk/meetings", "coordinator");

            for (HttpResponse<String> page : List.of(unknownSwitch, french, none)) {
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"en\"", "<h1>Meetings</h1>");
            }
            assertThat(unknownSwitch.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("coopdesk-lang"));
        }

        @Test
        void shouldOfferTheSwitchOnEveryPageKeepingThePagesParameters() throws Exception {
            String page = get("/desk/dispatches?status=DEPLOYED&country=TH&sort=start&dir=desc", "coordinator", "ja").body();

            assertThat(page).contains("<nav class=\"languages\" aria-label=\"表示言語\">",
                    "<a href=\"/desk/dispatches?status=DEPLOYED&amp;country=TH&amp;sort=start&amp;dir=desc&amp;lang=ja\" "
                            + "lang=\"ja\" hreflang=\"ja\" aria-current=\"true\">日本語</a>",
                    "<a href=\"/desk/dispatches?status=DEPLOYED&amp;country=TH&amp;sort=start&amp;dir=desc&amp;lang=en\" "
                            + "lang=\"en\" hreflang=\"en\">English</a>");
            assertThat(get("/desk?lang=ja", "coordinator", "en").body()).contains(
                    "<a href=\"/desk?lang=en\" lang=\"en\" hreflang=\"en\">English</a>",
                    "<a href=\"/desk?lang=ja\" lang=\"ja\" hreflang=\"ja\" aria-current=\"true\">日本語</a>");
            assertThat(get("/desk/no-such-page?q=a%20b", "coordinator", "en").body()).as("an error page links to the address")
                    .containsPattern("<a href=\"/desk/no-such-page\\?q=a(%20|\\+)b&amp;lang=ja\" lang=\"ja\" hreflang=\"ja\">日本語</a>");
        }

        @Test
        void shouldKeepASignedInUsersSwitchForTheirMails() throws Exception {
            jdbc.update("delete from staff_language where user_id = 'manager2'");

            send("/desk/partners?lang=ja", "manager2", "Accept-Language", "en");
            String chosen = jdbc.queryForObject("select language from staff_language where user_id = 'manager2'", String.class);
            send("/desk/partners?lang=en", "manager2", "Accept-Language", "ja");
            String changed = jdbc.queryForObject("select language from staff_language where user_id = 'manager2'", String.class);
            send("/desk/partners", "manager2", "Accept-Language", "ja");

            assertThat(chosen).isEqualTo("ja");
            assertThat(changed).isEqualTo("en");
            assertThat(jdbc.queryForObject("select language from staff_language where user_id = 'manager2'", String.class))
                    .as("reading in a language without switching chooses nothing").isEqualTo("en");
            jdbc.update("delete from staff_language where user_id = 'manager2'");
        }

        @Test
        void shouldShowTheFiguresAndTheirDownloadsInJapanese() throws Exception {
            String page = get("/desk/figures?period=fiscal&year=2008", "coordinator", "ja").body();
            HttpResponse<String> csv = send("/desk/figures.csv?period=fiscal&year=2008", "coordinator",
                    "Accept-Language", "ja");
            String english = get("/desk/figures?period=fiscal&year=2008", "coordinator", "en").body();

            assertThat(page).contains("<h1>2008年度の実績</h1>", "2008年4月1日～2009年3月31日、会計年度（4月～翌年3月）。",
                    "前: 2007年度", "次: 2009年度", "派遣専門家数", "2008年度の上位国", ">2008年度</a>", "08年度",
                    "派遣専門家数：", "、2008年度 0。", "<textarea id=\"draft-en\" lang=\"en\"")
                    .as("only the English draft names FY2008").doesNotContain("Figures FY2008", ">FY2008<", ">FY08<");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("coopdesk-figures-FY2008.csv");
            assertThat(csv.body()).contains("2008年度の実績", "期間,開始日,終了日", "2008年度,2008-04-01,2009-03-31",
                    "概要", "派遣専門家数", "専門家派遣：要請機関別");
            assertThat(english).contains("<h1>Figures FY2008</h1>", "1 April 2008 to 31 March 2009", "FY08",
                    "Experts dispatched: FY", "; FY2008 0.");
        }

        @Test
        void shouldSayWhatWentWrongInJapanese() throws Exception {
            Page missing = get("/desk/dispatches/DR-1999-0001", "coordinator", "ja");
            Page noPage = page(send("/desk/no-such-page", "coordinator", "Accept-Language", "en",
                    "Cookie", "coopdesk-lang=ja"));
            Page malformed = get("/desk/dispatches?page=two", "coordinator", "ja");
            Page refused = get("/desk/dispatches", VISITOR, "ja");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("<html lang=\"ja\"", "<h1>見つかりません</h1>", "要請 DR-1999-0001 はありません。",
                    "事務室のデスクに戻る");
            assertThat(noPage.status()).isEqualTo(404);
            assertThat(noPage.body()).as("the server's own 404 follows the cookie").contains("<html lang=\"ja\"",
                    "このアドレスのページはありません。");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body()).contains("このアドレスは正しくありません", "アドレスの page の値「two」は、このページで使えません。");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("この役割では表示できません", "visitor としてサインインしていますが");
        }

        @Test
        void shouldSignInInJapanese() throws Exception {
            HttpResponse<String> login = send("/login?error", null, "Accept-Language", "ja");

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<html lang=\"ja\"", "<title>サインイン · 国際協力デスク</title>",
                    "<h1>国際協力デスク</h1>", ">ユーザー名</label>", ">パスワード</label>", "サインインできませんでした。",
                    "<a href=\"/login?error&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>",
                    "aria-current=\"true\">日本語</a>");
            assertThat(send("/login", null, "Accept-Language", "en").body()).contains("<html lang=\"en\"",
                    "<h1>Cooperation Desk</h1>", "aria-current=\"true\">English</a>");
        }

        Page page(HttpResponse<String> response) {
            return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAUserOutsideTheOfficesGroupsWithAPageSayingWhy() throws Exception {
            for (String path : new String[] {"/desk", "/desk/dispatches", "/desk/dispatches/" + started, "/desk/experts",
                    "/desk/people/" + personId, "/desk/courses", "/desk/meetings/" + lastYearsMeeting, "/desk/contributions"}) {
                Page refused = get(path, VISITOR);

                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.isHtml()).as(path).isTrue();
                assertThat(refused.body()).as(path).contains("Not for your role",
                        "for its coordinators, managers, directors and administrators", "signed in as visitor");
            }
        }

        @Test
        void shouldAnswerAMissingRecordWithANotFoundPage() throws Exception {
            Map<String, String> missing = new LinkedHashMap<>();
            missing.put("/desk/dispatches/DR-1999-0001", "There is no request DR-1999-0001.");
            missing.put("/desk/experts/999999", "There is no expert 999999 on the roster.");
            missing.put("/desk/people/999999", "There is no person 999999.");
            missing.put("/desk/courses/TC-1999-0001", "There is no course TC-1999-0001.");
            missing.put("/desk/meetings/MT-1999-0001", "There is no meeting MT-1999-0001.");
            missing.put("/desk/contributions/CT-1999-0001", "There is no contribution CT-1999-0001.");
            missing.put("/desk/partners/organisations/NOBODY", "There is no organisation NOBODY.");
            missing.put("/desk/partners/countries/XX", "There is no country XX.");
            missing.put("/desk/no-such-page", "There is no page at this address.");
            for (Map.Entry<String, String> entry : missing.entrySet()) {
                Page page = get(entry.getKey(), "coordinator");

                assertThat(page.status()).as(entry.getKey()).isEqualTo(404);
                assertThat(page.isHtml()).as(entry.getKey()).isTrue();
                assertThat(page.body()).as(entry.getKey()).contains("Not found", entry.getValue())
                        .doesNotContain("Whitelabel", "Exception", "\"status\"");
            }
        }

        @Test
        void shouldAnswerAMalformedAddressWithABadRequestPage() throws Exception {
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("/desk/dispatches?page=0", "There is no page 0");
            malformed.put("/desk/dispatches?page=two", "The value “two” of page");
            malformed.put("/desk/dispatches?sort=drop", "cannot be sorted by “drop”");
            malformed.put("/desk/dispatches?dir=sideways", "The direction “sideways”");
            malformed.put("/desk/dispatches?status=LOST", "The value “LOST” of status");
            malformed.put("/desk/dispatches?country=" + encode("K'H"), "of country");
            malformed.put("/desk/experts?clearance=later", "of clearance");
            malformed.put("/desk/experts/nakamura", "The value “nakamura” of id");
            malformed.put("/desk/courses?year=99999", "of year");
            malformed.put("/desk/partners?show=everything", "of show");
            for (Map.Entry<String, String> entry : malformed.entrySet()) {
                Page page = get(entry.getKey(), "coordinator");

                assertThat(page.status()).as(entry.getKey()).isEqualTo(400);
                assertThat(page.isHtml()).as(entry.getKey()).isTrue();
                assertThat(page.body()).as(entry.getKey()).contains("This address does not make sense", entry.getValue())
                        .doesNotContain("Whitelabel", "Exception");
            }
        }

        @Test
        void shouldEscapeWhatTheReaderTyped() throws Exception {
            String page = get("/desk/dispatches?q=" + encode("<script>alert(1)</script>"), "coordinator").body();

            assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        @Test
        void shouldSendAnAnonymousReaderToTheLoginPage() throws Exception {
            org.cooperationdesk.LoginSession.Response page =
                    org.cooperationdesk.LoginSession.anonymous(port).page("/desk/dispatches");

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.redirect()).isEqualTo("/login");
        }

        @Test
        void shouldKeepTheApisJsonProblemDetails() throws Exception {
            HttpApi.Response missing = new HttpApi(port).get("/api/dispatch-requests/DR-1999-0001", "coordinator");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("detail").asText()).isEqualTo("No request DR-1999-0001");
        }
    }

    // ---------------------------------------------------------------- helpers

    Page get(String path, String user) throws Exception {
        return get(path, user, "en-GB");
    }

    Page get(String path, String user, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** A date as the pages' tables write it for an English reader: "5 Jan 2027". */
    static String date(LocalDate date) {
        return LanguageFormats.shortDate(date, Language.EN);
    }

    /** A page asked for with the given headers (Accept-Language, Cookie...), a user signed in by HTTP Basic or none. */
    HttpResponse<String> send(String path, String user, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    long expert(String name) {
        return jdbc.queryForObject("select id from person where full_name = ?", Long.class, name);
    }

    long request(String reference, String country, String purpose, String status, LocalDate start) {
        jdbc.update("""
                insert into dispatch_request (reference, requesting_body, requester_reference, requester_email, country_code,
                    purpose, terms_of_reference, skills_needed, start_date, duration_days, estimated_cost, estimated_cost_yen,
                    funded_by, status, created_at)
                values (?, 'WHO', 'GOARN-ARCHIVE', 'goarn@who.example', ?, ?, 'Terms', 'epidemiology', ?, 14, 800000,
                        800000, 'REQUESTER', ?, ?)""", reference, country, purpose, start, status, LocalDateTime.now());
        return jdbc.queryForObject("select id from dispatch_request where reference = ?", Long.class, reference);
    }

    long course(String reference, String title, LocalDate start, String status) {
        jdbc.update("""
                insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                    min_experience_years, max_age, language, nomination_deadline, status, created_at)
                values (?, ?, 'Tokyo', ?, ?, 20, 2, 3, 50, 'english', ?, ?, ?)""", reference, title, start,
                start.plusDays(12), start.minusDays(30), status, LocalDateTime.now());
        return jdbc.queryForObject("select id from course where reference = ?", Long.class, reference);
    }

    long meeting(String reference, String title, LocalDate start) {
        jdbc.update("""
                insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country, budget,
                    budget_yen, delegate_quota, nomination_deadline, field_visit, status, created_at)
                values (?, ?, 'Health security', 'high_level_officials_meeting', ?, ?, 'Bangkok', 'TH', 12000000,
                        12000000, 3, ?, false, 'CLOSED', ?)""", reference, title, start, start.plusDays(2),
                start.minusDays(30), LocalDateTime.now());
        return jdbc.queryForObject("select id from meeting where reference = ?", Long.class, reference);
    }

    void delegate(long meeting, Long person, String name, String role, String passport, String status) {
        jdbc.update("""
                insert into delegate (meeting_id, country_code, person_id, full_name, email, role, passport_number,
                    passport_expiry, status)
                values (?, 'VN', ?, ?, ?, ?, ?, ?, ?)""", meeting, person, name,
                name.toLowerCase().replace(' ', '.') + "@moh.gov.vn.example", role, passport, today.plusYears(5), status);
    }

    long contribution(String reference, String organisation, String title, String amount, String currency,
                      String yen, String status) {
        jdbc.update("""
                insert into contribution (reference, organisation_code, organisation_reference, organisation_email, title,
                    objectives, sector_code, kind, aid_type, start_date, end_date, amount, amount_currency, amount_yen,
                    planned_tranches, reporting_interval_months, programme_officer, status, created_at)
                values (?, ?, 'ORG-REF-1', 'finance@org.example', ?, 'Objectives', '12250', 'EARMARKED', 'B03', ?, ?,
                        ?, ?, ?, 3, 12, 'coordinator', ?, ?)""", reference, organisation, title, LocalDate.of(lastYear, 4, 1),
                LocalDate.of(lastYear + 2, 3, 31), new java.math.BigDecimal(amount), currency, new java.math.BigDecimal(yen),
                status, LocalDateTime.now());
        return jdbc.queryForObject("select id from contribution where reference = ?", Long.class, reference);
    }

    void notification(String reference, String status, String error, String subject) {
        jdbc.update("""
                insert into notification (idempotency_key, template, recipients, subject, business_key, status, error,
                    created_at)
                values (?, 'expert-offer', 'aiko.nakamura@experts.example', ?, ?, ?, ?, ?)""",
                reference + "-" + subject, subject, reference, status, error, LocalDateTime.now());
    }

    static Map<String, Object> dispatchRequest() {
        return org.cooperationdesk.DispatchRequests.valid("GOARN-DESK-001");
    }

    /**
     * Tasklist's lists and task views name tasks and processes in the reader's language, over the engine's REST API as
     * Tasklist calls it: Japanese for a Japanese browser or the {@code coopdesk-lang=ja} cookie, the model's English
     * otherwise; Tasklist's HAL list (tasks with their embedded process definitions, as Tasklist asks for them under
     * /camunda/api/engine in a signed-in session) as well as the plain lists.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TasklistInTheReadersLanguage {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private static final ObjectMapper JSON = new ObjectMapper();

        @Autowired
        FilterService filterService;
        String processInstanceId;
        String reference;

        @BeforeAll
        void aRequestWaitsForItsMatch() throws Exception {
            Map<String, Object> request = DispatchRequests.valid("GOARN-NAMES-001");
            HttpResponse<String> created = HTTP.send(as("coordinator", "/api/dispatch-requests")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(), ofUtf8());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            processInstanceId = JSON.readTree(created.body()).path("processInstanceId").asText();
            reference = JSON.readTree(created.body()).path("reference").asText();
        }

        @Test
        void theRecordsPageNamesItsOpenTaskInTheReadersLanguage() throws Exception {
            String path = "/desk/dispatches/" + reference;
            assertThat(DeskPagesHttpTest.this.get(path, "coordinator", "ja").body()).contains("名簿から専門家を選ぶ");
            assertThat(DeskPagesHttpTest.this.get(path, "coordinator", "en").body()).contains("Match expert from roster")
                    .doesNotContain("名簿から専門家を選ぶ");
        }

        @Test
        void aJapaneseBrowserReadsTheTaskAndItsProcessInJapanese() throws Exception {
            JsonNode tasks = get("/engine-rest/task?processInstanceId=" + processInstanceId, "ja", null);
            assertThat(tasks.get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");

            String taskId = tasks.get(0).path("id").asText();
            assertThat(get("/engine-rest/task/" + taskId, "ja", null).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
            assertThat(get("/engine-rest/process-definition/key/ExpertDispatchProcess", "ja", null).path("name").asText())
                    .isEqualTo("専門家派遣");
        }

        @Test
        void tasklistsFilterListNamesTasksAndEmbeddedProcessesInJapanese() throws Exception {
            LoginSession tasklist = LoginSession.signIn(port, "coordinator");
            String token = tasklist.webappCsrfToken("tasklist");
            String api = "/camunda/api/engine/engine/default/";
            JsonNode filters = tasklist.webappCall("GET", api + "filter?resourceType=Task", token, null, null,
                    "Accept", "application/json").json();
            String filterId = java.util.stream.StreamSupport.stream(filters.spliterator(), false)
                    .filter(filter -> filter.path("name").asText().equals("Coordination")).findFirst().orElseThrow()
                    .path("id").asText();
            LoginSession.Response response = tasklist.webappCall("POST", api + "filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    token, "application/json", "{\"processInstanceId\":\"" + processInstanceId + "\"}",
                    "Accept", "application/hal+json, application/json; q=0.5", "Accept-Language", "ja,en-US;q=0.9,en;q=0.8");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode embedded = JSON.readTree(response.body()).path("_embedded");
            assertThat(embedded.path("task").get(0)).as(response.body()).isNotNull();
            assertThat(embedded.path("task").get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
            assertThat(embedded.path("processDefinition").get(0).path("name").asText()).isEqualTo("専門家派遣");

            JsonNode filtersInJapanese = tasklist.webappCall("GET", api + "filter?resourceType=Task&itemCount=true", token,
                    null, null, "Accept", "application/json", "Accept-Language", "ja").json();
            JsonNode coordination = java.util.stream.StreamSupport.stream(filtersInJapanese.spliterator(), false)
                    .filter(filter -> filter.path("id").asText().equals(filterId)).findFirst().orElseThrow();
            assertThat(coordination.path("name").asText()).isEqualTo("調整");
            assertThat(coordination.path("properties").path("description").asText()).isEqualTo("調整担当者の要請、オファー、手配、報告");
            assertThat(coordination.path("properties").path("variables").findValuesAsText("label")).containsExactly("参照番号", "国");
            assertThat(coordination.path("itemCount").asInt()).isPositive();
        }

        @Test
        void aFilterSavedFromAJapaneseTasklistKeepsItsStoredNames() throws Exception {
            LoginSession tasklist = LoginSession.signIn(port, "admin");
            String token = tasklist.webappCsrfToken("tasklist");
            String api = "/camunda/api/engine/engine/default/";
            Filter stored = filterService.createTaskFilterQuery().filterName("Coordination").singleResult();
            JsonNode shown = tasklist.webappCall("GET", api + "filter/" + stored.getId(), token, null, null,
                    "Accept", "application/json", "Accept-Language", "ja").json();
            assertThat(shown.path("name").asText()).isEqualTo("調整");
            ((com.fasterxml.jackson.databind.node.ObjectNode) shown.path("properties")).put("priority", 1);

            LoginSession.Response saved = tasklist.webappCall("PUT", api + "filter/" + stored.getId(), token,
                    "application/json", JSON.writeValueAsString(shown), "Accept", "application/json", "Accept-Language", "ja");

            assertThat(saved.status()).as(saved.body()).isEqualTo(204);
            Filter after = filterService.getFilter(stored.getId());
            assertThat(after.getName()).isEqualTo("Coordination");
            assertThat(after.getProperties().get("description")).isEqualTo("Requests, offers, bookings and reports for coordinators");
            assertThat(after.getProperties().get("priority")).as("the change itself is saved").isEqualTo(1);
            assertThat(after.getProperties().get("variables").toString()).contains("Reference", "Country").doesNotContain("参照番号");
            filterService.saveFilter(after.setProperties(stored.getProperties()));
        }

        @Test
        void englishIsTheModelsOwnAndTheCookieWinsOverTheBrowser() throws Exception {
            String query = "/engine-rest/task?processInstanceId=" + processInstanceId;
            assertThat(get(query, "en-GB,en;q=0.9", null).get(0).path("name").asText()).isEqualTo("Match expert from roster");
            assertThat(get(query, "ja", "en").get(0).path("name").asText()).isEqualTo("Match expert from roster");
            assertThat(get(query, "fr", "ja").get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
            assertThat(get(query, "fr-FR", null).get(0).path("name").asText()).isEqualTo("Match expert from roster");
        }

        private JsonNode get(String path, String acceptLanguage, String cookie) throws Exception {
            HttpRequest.Builder request = as("coordinator", path).header("Accept", "application/json")
                    .header("Accept-Language", acceptLanguage).GET();
            if (cookie != null) {
                request.header("Cookie", org.cooperationdesk.language.LanguageFilter.COOKIE + "=" + cookie);
            }
            HttpResponse<String> response = HTTP.send(request.build(), ofUtf8());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        private HttpRequest.Builder as(String user, String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }

        private static HttpResponse.BodyHandler<String> ofUtf8() {
            return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
        }
    }

    /**
     * An expert's correspondence language over real HTTP: coordinators set it (en or ja) and the record keeps it; a
     * manager may not, an unknown language or expert is refused, and a refusal changes nothing.
     */
    @Nested
    class ExpertCorrespondenceLanguage {


        long expertId;
        String before;

        @BeforeEach
        void anExpertWhoReadsEnglish() {
            expertId = jdbc.queryForObject("select min(person_id) from expert where correspondence_language = 'en'", Long.class);
            before = language();
        }

        @AfterEach
        void restore() {
            jdbc.update("update expert set correspondence_language = 'en' where person_id = ?", expertId);
        }

        @Test
        void aCoordinatorSetsJapaneseAndTheRecordKeepsIt() throws Exception {
            HttpApi.Response answer = api().put(path(), "coordinator", Map.of("correspondenceLanguage", "ja"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("correspondenceLanguage").asText()).isEqualTo("JA");
            assertThat(language()).isEqualTo("ja");
            assertThat(api().get("/api/experts/" + expertId, "manager").json().path("correspondenceLanguage").asText())
                    .isEqualTo("JA");
        }

        @Test
        void refusalsChangeNothing() throws Exception {
            assertThat(api().put(path(), "manager", Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(403);
            assertThat(api().put(path(), null, Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(401);
            HttpApi.Response french = api().put(path(), "coordinator", Map.of("correspondenceLanguage", "fr"));
            assertThat(french.status()).isEqualTo(400);
            assertThat(french.body()).contains("correspondenceLanguage must be en or ja");
            assertThat(api().put("/api/experts/999999/correspondence-language", "coordinator",
                    Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(404);
            assertThat(language()).isEqualTo(before);
        }

        private String language() {
            return jdbc.queryForObject("select correspondence_language from expert where person_id = ?", String.class, expertId);
        }

        private String path() {
            return "/api/experts/" + expertId + "/correspondence-language";
        }

        private HttpApi api() {
            return new HttpApi(port);
        }
    }
}
