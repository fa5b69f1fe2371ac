package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.TASK_RECORD_DELEGATION;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.TASK_REGISTER_DELEGATION;
import static org.cooperationdesk.meeting.MeetingOrganisationProcess.TASK_REVIEW_DELEGATION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.SmallPdf;
import org.cooperationdesk.meeting.MeetingVariables;
import org.junit.jupiter.api.Test;

/**
 * A government's focal point answers the invitation online, as the proof asks: it opens the personal link of
 * the invitation in its browser, names the delegation and attaches the note verbale; a coordinator finds "Review
 * delegation of Cambodia" in Tasklist and returns it with what to correct; the focal point reads why on its page,
 * corrects the passport number (the note verbale stays) and sends again; the coordinator accepts it, and the meeting
 * goes on: Cambodia's delegation waits to be registered, its delegates recorded.
 */
class PartnerAnswersOnlineTest extends BrowserTestBase {

    private static final String CAMBODIA = "international-cooperation@kh.gov.example";
    private static final Pattern LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");

    @Test
    void focalPointSendsTheDelegationCoordinatorReturnsItFocalPointCorrectsItAndTheMeetingGoesOn() throws Exception {
        String title = "ASEAN/Japan Workshop on Social Protection " + unique();
        LocalDate passportExpiry = today().plusYears(5);
        Path noteVerbale = Files.createTempFile("note-verbale-", ".pdf");
        Files.write(noteVerbale, SmallPdf.withText("Note verbale No. 45/2026, Ministry of Foreign Affairs of Cambodia"));

        step("a coordinator plans a meeting for Cambodia and Lao PDR; the invitations go out");
        String reference = planMeeting(title);
        String invitation = eventually("the invitation to Cambodia", () -> mailOf(reference, "Invitation: " + title));
        String link = linkIn(invitation);

        step("the focal point opens the link of the invitation (no account, no sign-in)");
        browser.forgetLogin();
        PartnerPage page = new PartnerPage(browser).open(baseUrl() + "/portal/" + link);
        assertThat(page.title()).isEqualTo("Delegation of Cambodia: " + title);
        assertThat(page.text()).contains(reference, "Phnom Penh, Hotel Cambodiana, Cambodia", "Deadline");

        step("the focal point names the delegation and attaches the note verbale");
        page.choose("Answer", "Delegation named")
                .text("Head of delegation", "Sok Chenda")
                .text("Head's e-mail", "sok.chenda@moh.kh.example")
                .text("Head's passport number", "KH100200")
                .date("Head's passport expires", passportExpiry)
                .text("Second delegate", "Heng Vanna")
                .text("Second delegate's e-mail", "heng.vanna@moh.kh.example")
                .text("Second delegate's passport number", "KH100201")
                .date("Second delegate's passport expires", passportExpiry)
                .attach("Official letter or note verbale (PDF)", noteVerbale);
        screenshot("partner-answers-online-delegation");
        page.send();
        assertThat(page.text()).contains("Thank you: your answer was received", "Your answer is being reviewed by the office.");
        assertThat(page.asks()).isFalse();

        step("the coordinator finds the review in Tasklist and returns the delegation with what to correct");
        String reason = "The head of delegation's passport number in the note verbale is KH100299: please correct it.";
        Task review = reviewTask(reference);
        TasklistPage tasklist = tasklist().login("coordinator").selectFilter("Coordination");
        tasklist.openTaskFromList(review.getId(), "Review delegation of Cambodia").claim();
        CamundaFormPage form = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(form.value("Answer")).isEqualTo("Delegation of Cambodia to " + reference);
        assertThat(form.value("What was sent")).contains("Head of delegation: Sok Chenda", "note-verbale-");
        form.radio("Decision", "Return it to be corrected").textarea("What to correct", reason);
        screenshot("partner-answers-online-review");
        tasklist.complete();
        waitUntilCompleted(review);

        step("the government is told what to correct, with the same link");
        String returned = eventually("the mail that asks for a correction", () -> mailOf(reference, "Please correct your answer"));
        assertThat(returned).contains(reason);
        assertThat(linkIn(returned)).isEqualTo(link);

        step("the focal point reads the reason on its page, corrects the passport number and sends again");
        browser.forgetLogin();
        page.open(baseUrl() + "/portal/" + link);
        assertThat(page.notices()).singleElement().asString().contains(reason);
        assertThat(page.value("Head of delegation")).isEqualTo("Sok Chenda");
        assertThat(page.value("Head's passport number")).isEqualTo("KH100200");
        screenshot("partner-answers-online-returned");
        page.text("Head's passport number", "KH100299").send();
        assertThat(page.text()).contains("Thank you: your answer was received");

        step("the coordinator accepts the corrected delegation");
        Task secondReview = reviewTask(reference);
        tasklist.login("coordinator").selectFilter("Coordination")
                .openTaskFromList(secondReview.getId(), "Review delegation of Cambodia").claim();
        CamundaFormPage again = tasklist.taskForm().waitUntilRendered("Decision");
        assertThat(again.value("What was sent")).contains("KH100299", "note-verbale-");
        again.radio("Decision", "Accept the answer");
        tasklist.complete();
        waitUntilCompleted(secondReview);

        step("the meeting goes on: Cambodia's delegation waits to be registered, Lao PDR's answer is still awaited");
        Task registration = eventually("Cambodia's registration", () -> openTasks(instanceOf(reference), TASK_REGISTER_DELEGATION)
                .stream().filter(task -> "KH".equals(taskService.getVariable(task.getId(), MeetingVariables.COUNTRY_CODE)))
                .findFirst().orElse(null));
        assertThat(registration.getName()).startsWith("Register delegation");
        assertThat(openTasks(instanceOf(reference), TASK_RECORD_DELEGATION)).singleElement()
                .satisfies(task -> assertThat(taskService.getVariable(task.getId(), MeetingVariables.COUNTRY_CODE)).isEqualTo("LA"));
        assertThat(jdbc.sql("select d.full_name || ' ' || d.passport_number from delegate d join meeting m on m.id = d.meeting_id"
                + " where m.reference = ? order by d.id").param(reference).query(String.class).list())
                .containsExactly("Sok Chenda KH100299", "Heng Vanna KH100201");
        page.open(baseUrl() + "/portal/" + link);
        assertThat(page.text()).contains("Your answer was accepted. Thank you.");
        assertThat(page.asks()).isFalse();
    }

    private String planMeeting(String title) throws Exception {
        Map<String, Object> plan = new HashMap<>(Map.ofEntries(
                Map.entry("title", title),
                Map.entry("theme", "Social protection floors"),
                Map.entry("kind", "workshop"),
                Map.entry("startDate", today().plusDays(60).toString()),
                Map.entry("endDate", today().plusDays(62).toString()),
                Map.entry("venue", "Phnom Penh, Hotel Cambodiana"),
                Map.entry("hostCountry", "KH"),
                Map.entry("budget", 8_000_000),
                Map.entry("budgetCurrency", "JPY"),
                Map.entry("alsoInvited", List.of("KH", "LA")),
                Map.entry("delegateQuota", 3),
                Map.entry("nominationDeadline", today().plusDays(30).toString()),
                Map.entry("fieldVisit", false)));
        HttpApi.Response created = new HttpApi(port).post("/api/meetings", "coordinator", plan);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("reference").asText();
    }

    /** The body of the mail to Cambodia about this meeting whose subject starts so, or null while none came. */
    private String mailOf(String reference, String subjectStart) {
        return subjectsOfMailsTo(CAMBODIA).stream()
                .filter(subject -> subject.startsWith(subjectStart) && subject.contains(reference))
                .reduce((first, last) -> last)
                .map(subject -> bodyOfMailTo(CAMBODIA, subject))
                .orElse(null);
    }

    private static String linkIn(String mail) {
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as("a personal link in the mail").isTrue();
        return link.group(1);
    }

    private String instanceOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private Task reviewTask(String reference) {
        return openTask(instanceOf(reference), TASK_REVIEW_DELEGATION);
    }
}
