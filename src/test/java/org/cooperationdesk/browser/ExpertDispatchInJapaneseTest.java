package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The expert dispatch of {@link ExpertDispatchInTasklistTest}, done by users whose browsers are Japanese: Tasklist
 * speaks Japanese (its texts from our {@code locales/ja.json}), the process and its tasks have their Japanese names,
 * the forms their Japanese labels and options, and a form the server refuses says why in Japanese, naming the field as
 * the form does. Nobody switches the language: the browser asks for Japanese (Accept-Language, navigator.languages).
 */
@BrowserLanguage("ja")
class ExpertDispatchInJapaneseTest extends BrowserTestBase {

    private static final String PROCESS = "専門家派遣";
    private static final String TASK_MATCH = "名簿から専門家を選ぶ";
    private static final String TASK_ANSWER = "専門家の回答を記録する";
    private static final String TASK_APPROVE = "派遣を承認する";
    private static final String WHO = "世界保健機関（WHO・GOARN）";
    private static final String CAMBODIA = "カンボジア";
    private static final String REQUESTER = "goarn@who.example";

    @Test
    void aJapaneseCoordinatorRequestsAndMatchesAnExpertAndAJapaneseManagerApprovesTheRelease() {
        String requesterReference = "GOARN-JA-" + unique();
        LocalDate start = today().plusDays(20);

        step("a coordinator whose browser is Japanese signs in: Tasklist is in Japanese");
        TasklistPage tasklist = tasklist().login("coordinator");
        assertThat(browser.js("return navigator.languages[0];")).as("the browser asks for Japanese").isEqualTo("ja");
        assertThat((Object) browser.waitUntil("Tasklist's language", d -> browser.js("""
                const injector = window.angular && angular.element(document.documentElement).injector();
                return injector ? injector.get('$translate').use() : null;
                """))).isEqualTo("ja");
        assertThat(tasklist.text("START_PROCESS")).as("a Japanese text, not English").isEqualTo("プロセスを開始");
        browser.waitUntil("the start-process button in Japanese", d -> tasklist.startProcessButton().equals(tasklist.text("START_PROCESS")));
        // The shared filters in Japanese (stored in English: My tasks, Coordination, Approvals).
        assertThat(tasklist.filterNames()).contains("自分のタスク", "調整").doesNotContain("承認", "Coordination");
        tasklist.selectFilter("調整");
        assertThat(tasklist.filtersColumn()).as("the filter list").startsWith("自分のタスク").contains("調整");
        assertThat(tasklist.taskListColumn()).as("the task list: its sorting, and a filter without tasks")
                .contains(tasklist.text("CREATION_DATE")).satisfiesAnyOf(
                        list -> assertThat(list).contains(tasklist.text("NO_MATCHING_TASK")),
                        list -> assertThat(tasklist.taskNamesInList()).isNotEmpty());
        assertThat(tasklist.taskColumn()).as("the task pane").contains(tasklist.text("SELECT_TASK_IN_LIST"));

        step("the start form of 専門家派遣 in Japanese, filled in");
        CamundaFormPage request = tasklist.startProcess(PROCESS).waitUntilRendered("要請機関");
        request.select("要請機関", WHO)
                .text("要請者の整理番号", requesterReference)
                .text("要請者のメールアドレス", REQUESTER)
                .select("国", CAMBODIA)
                .text("目的", "鳥インフルエンザ発生への対応")
                .textarea("業務指示書（TOR）", "国の迅速対応チームの実地疫学調査を支援する。")
                .text("必要な専門分野（カンマ区切り）", "epidemiology, laboratory")
                .text("必要な言語（カンマ区切り）", "english")
                .date("開始日", start)
                .number("期間（日数）", 21)
                .number("概算費用", 1_500_000)
                .select("経費負担", "要請機関");
        assertThat(request.selected("通貨")).as("the default currency, named in Japanese").isEqualTo("JPY: 日本円");
        assertThat(browser.dateParts()).as("the browser writes dates the Japanese way").containsExactly("yyyy", "'/'", "M", "'/'", "d");
        screenshot("tasklist-ja-start-form");

        step("a start date in the past: the server refuses it in Japanese, naming 開始日, and nothing is stored");
        long requestsBefore = countRequests();
        request.date("開始日", today().minusDays(1));
        tasklist.submitStartForm();
        String refusal = tasklist.waitForNotification("入力内容を確認してください。");
        assertThat(refusal).contains(tasklist.text("PROCESS_START_ERROR"))
                .contains("入力内容を確認してください。開始日：過去の日付は入力できません。")
                .doesNotContain("Please correct").doesNotContain("Start date").doesNotContain("Cannot");
        screenshot("tasklist-ja-refused-date");
        assertThat(tasklist.startFormOpen()).as("the start form stays open with what was typed").isTrue();
        assertThat(request.value("要請者の整理番号")).isEqualTo(requesterReference);
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("requesterReference", requesterReference).count())
                .isZero();
        assertThat(countRequests()).as("no request recorded").isEqualTo(requestsBefore);

        step("corrected, the request goes through");
        request.date("開始日", start);
        tasklist.submitStartForm();
        tasklist.waitForNotification(tasklist.text("PROCESS_START_OK"));
        ProcessInstance instance = instanceWith(PROCESS_KEY, "requesterReference", requesterReference);
        String reference = instance.getBusinessKey();
        assertThat(reference).matches("DR-\\d{4}-\\d{4}");
        assertThat(jdbc.sql("select requesting_body || ':' || country_code || ':' || start_date || ':' || duration_days"
                        + " || ':' || estimated_cost || ':' || funded_by || ':' || status || ':' || requested_by"
                        + " from dispatch_request where reference = ?").param(reference).query(String.class).single())
                .isEqualTo("WHO:KH:" + start + ":21:1500000:REQUESTER:MATCHING:coordinator");
        assertThat(jdbc.sql("select purpose from dispatch_request where reference = ?").param(reference).query(String.class).single())
                .as("Japanese text stored as typed").isEqualTo("鳥インフルエンザ発生への対応");

        step("the task list names the task in Japanese; the coordinator matches an expert");
        Task match = openTask(instance.getId(), TASK_MATCH_EXPERT);
        tasklist.selectFilter("調整").waitForTaskInList(match.getId());
        assertThat(tasklist.taskNamesInList()).contains(TASK_MATCH);
        tasklist.pointAtTaskInList(match.getId()); // away from the filter just clicked, whose tooltip would cover the list
        screenshot("tasklist-ja-task-list");
        tasklist.openTaskFromList(match.getId(), TASK_MATCH).claim();
        CamundaFormPage matchForm = tasklist.taskForm().waitUntilRendered("結果");
        assertThat(matchForm.value("要請")).isEqualTo(reference);
        assertThat(matchForm.selected("要請機関")).isEqualTo(WHO);
        assertThat(matchForm.selected("国")).isEqualTo(CAMBODIA);
        assertThat(matchForm.date("開始日")).isEqualTo(start);
        matchForm.radio("結果", "名簿の専門家に打診する");
        String candidate = matchForm.selectFirst("専門家");
        String expertName = candidate.substring(0, candidate.indexOf(" ("));
        matchForm.textarea("備考", "専門分野が最もよく合い、開始日に対応可能。");
        tasklist.complete();
        waitUntilCompleted(match);

        step("the offer goes out by mail; the coordinator records the expert's answer");
        Task answer = openTask(instance.getId(), TASK_RECORD_EXPERT_ANSWER);
        String expertEmail = jdbc.sql("select email from person where full_name = ?").param(expertName).query(String.class).single();
        assertThat(waitForMailsTo(expertEmail, 1)).anyMatch(subject -> subject.contains(reference));
        tasklist.openTaskFromList(answer.getId(), TASK_ANSWER).claim();
        CamundaFormPage answerForm = tasklist.taskForm().waitUntilRendered("専門家の回答");
        assertThat(answerForm.value("専門家")).isEqualTo(expertName);
        assertThat(answerForm.value("期間（日数）")).isEqualTo("21");
        answerForm.radio("専門家の回答", "受諾").textarea("備考", "電話で受諾。");
        tasklist.complete();
        waitUntilCompleted(answer);
        assertThat(jdbc.sql("select d.status from dispatch d join dispatch_request r on r.id = d.request_id where r.reference = ?")
                .param(reference).query(String.class).list()).containsExactly("IN_PROCESS");

        step("a manager whose browser is Japanese reads the release in Japanese and approves it");
        Task approval = openTask(instance.getId(), TASK_APPROVE_RELEASE);
        tasklist.login("manager");
        assertThat(tasklist.filterNames()).contains("自分のタスク", "承認").doesNotContain("調整");
        tasklist.selectFilter("承認").openTaskFromList(approval.getId(), TASK_APPROVE).claim();
        CamundaFormPage approvalForm = tasklist.taskForm().waitUntilRendered("決定");
        assertThat(approvalForm.value("要請")).isEqualTo(reference);
        assertThat(approvalForm.selected("要請機関")).isEqualTo(WHO);
        assertThat(approvalForm.selected("国")).isEqualTo(CAMBODIA);
        assertThat(approvalForm.value("目的")).isEqualTo("鳥インフルエンザ発生への対応");
        assertThat(approvalForm.value("専門家")).isEqualTo(expertName);
        assertThat(approvalForm.date("開始日")).isEqualTo(start);
        assertThat(approvalForm.value("期間（日数）")).isEqualTo("21");
        assertThat(approvalForm.value("概算費用")).isEqualTo("JPY 1,500,000");
        assertThat(approvalForm.selected("経費負担")).isEqualTo("要請機関");
        assertThat(approvalForm.isChecked("上位者の承認が続きます")).isFalse();
        assertThat(approvalForm.choices("決定")).containsExactly("派遣を承認する", "却下");
        approvalForm.radio("決定", "派遣を承認する");
        screenshot("tasklist-ja-manager-approves");
        tasklist.complete();
        waitUntilCompleted(approval);
        assertThat(jdbc.sql("select decided_by || ':' || outcome from decision where subject_ref = ?").param(reference)
                .query(String.class).list()).containsExactly("manager:approved");
        openTask(instance.getId(), TASK_CHECK_MEDICAL_CLEARANCE);
    }

    private long countRequests() {
        return jdbc.sql("select count(*) from dispatch_request").query(Long.class).single();
    }
}
