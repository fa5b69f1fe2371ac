package org.cooperationdesk.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as coordinators and managers use it: filters on the left, the filter's tasks in the
 * middle, the chosen task with its Camunda Form on the right, "Start process" in the header. In any language the
 * webapp speaks: buttons are found by what they do (Camunda's {@code ng-click}), and the texts it shows are read
 * from its own locale files ({@link #text(String)}).
 */
final class TasklistPage extends CamundaWebappPage {

    private static final By TASK = By.cssSelector("[cam-tasklist-task]");
    private static final By START_PROCESS = By.cssSelector(".start-process-action a");
    private static final By MODAL = By.cssSelector(".modal-content");
    private static final By COMPLETE = By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']");
    private static final By START = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");
    private static final By CLOSE_DIALOG = By.cssSelector(".modal-footer button[ng-click='$dismiss()']");

    private final WebappTexts texts;

    TasklistPage(Browser browser, String baseUrl) {
        super(browser, baseUrl);
        this.texts = new WebappTexts(app(), browser.language());
    }

    /**
     * What Tasklist shows for this key of its locale files in the browser's language, e.g. "PROCESS_START_OK":
     * "The process has been started." in English, "プロセスを開始しました。" in Japanese.
     */
    String text(String key) {
        return texts.text(key);
    }

    @Override
    String app() {
        return "tasklist";
    }

    /** Logs in and waits until the user's filters are shown. */
    TasklistPage login(String user) {
        submitLogin(user);
        waitUntilLoggedIn(user);
        browser.waitUntil("filters of " + user, Browser.LOAD_TIMEOUT, d -> !filterNames().isEmpty());
        return this;
    }

    // ------------------------------------------------------------------ filters and the task list

    /** What the header's start-process button says ("Start process", "プロセスを開始"). */
    String startProcessButton() {
        return browser.visible(START_PROCESS).getText().trim();
    }

    /** The visible text of the filters' column (its heading and the filters), of the task list and of the task pane. */
    String filtersColumn() {
        return columnText(".column-left.task-filters");
    }

    String taskListColumn() {
        return columnText(".column-center.tasks-list");
    }

    String taskColumn() {
        return columnText(".column-right.task-details");
    }

    private String columnText(String selector) {
        return normalise(browser.visible(By.cssSelector(selector)).getText());
    }

    @SuppressWarnings("unchecked")
    List<String> filterNames() {
        return (List<String>) browser.js("""
                return Array.from(document.querySelectorAll('[cam-tasklist-filters] .task-filter'))
                  .filter(f => f.offsetParent !== null)
                  .map(f => f.querySelector('h4.name a').childNodes[0].textContent.trim());
                """);
    }

    TasklistPage selectFilter(String name) {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[normalize-space(text())="
                + "'" + name + "']]");
        browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='"
                + name + "']"));
        browser.waitUntil("filter " + name + " active", d -> d.findElement(filter).getDomAttribute("class").contains("active"));
        browser.waitUntil("task list of " + name + " loaded", d -> (Boolean) browser.js("""
                return document.querySelectorAll('li.task h4.task a').length > 0
                  || Array.from(document.querySelectorAll('.well')).some(w => w.offsetParent !== null
                       && w.textContent.includes(arguments[0]));
                """, text("NO_MATCHING_TASK")));
        return this;
    }

    /**
     * Waits until the task appears in the current filter's list. Tasklist refreshes the list itself every
     * few seconds; a task created by the job executor meanwhile is also caught by reloading the page.
     */
    TasklistPage waitForTaskInList(String taskId) {
        long[] lastReload = {System.nanoTime()};
        browser.waitUntil("task " + taskId + " in the list (shown: " + taskNamesInList() + ")", d -> {
            if (listShows(taskId)) {
                return true;
            }
            if (System.nanoTime() - lastReload[0] > 10_000_000_000L) {
                d.navigate().refresh();
                lastReload[0] = System.nanoTime();
            }
            return false;
        });
        return this;
    }

    boolean listShows(String taskId) {
        return (Boolean) browser.js("return Array.from(document.querySelectorAll('li.task h4.task a'))"
                + ".some(a => (a.getAttribute('href') || '').endsWith('task=' + arguments[0]));", taskId);
    }

    @SuppressWarnings("unchecked")
    List<String> taskNamesInList() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('li.task h4.task a'))"
                + ".map(a => a.textContent.trim());");
    }

    /**
     * What the task's card in the list shows besides its name: each variable the filter names, by its label
     * ("Reference", "Country"), and the due date as Tasklist words it ("Due" to "Due in 3 days").
     */
    @SuppressWarnings("unchecked")
    java.util.Map<String, String> card(String taskId) {
        return (java.util.Map<String, String>) browser.js("""
                const link = Array.from(document.querySelectorAll('li.task h4.task a'))
                  .find(a => (a.getAttribute('href') || '').endsWith('task=' + arguments[0]));
                if (!link) return null;
                const card = link.closest('li.task');
                const shown = {};
                card.querySelectorAll('[cam-tasklist-variables] .variable-item').forEach(item => {
                  const label = item.querySelector('.variable-label');
                  const value = item.querySelector('.variable-value');
                  if (label && value) shown[label.textContent.trim().replace(/:$/, '')] = value.textContent.trim();
                });
                const due = card.querySelector('.due-date');
                if (due && due.getClientRects().length > 0) shown['Due'] = due.textContent.replace(/\\s+/g, ' ').trim();
                return shown;
                """, taskId);
    }

    /** Moves the mouse onto the task's name in the list (a tooltip of what was pointed at before goes away). */
    TasklistPage pointAtTaskInList(String taskId) {
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(browser.visible(By.cssSelector("li.task h4.task a[href$='task=" + taskId + "']"))).perform();
        return this;
    }

    /** Opens a task from the list, as a user does: a click on its name. */
    TasklistPage openTaskFromList(String taskId, String taskName) {
        waitForTaskInList(taskId);
        browser.click(By.cssSelector("li.task h4.task a[href$='task=" + taskId + "']"));
        waitForTaskDetails(taskName);
        return this;
    }

    /** Opens a task by its address, as from a link in a mail. */
    TasklistPage openTaskByUrl(String taskId) {
        browser.open(url() + "#/?task=" + taskId);
        return this;
    }

    private void waitForTaskDetails(String taskName) {
        browser.waitUntil("task '" + taskName + "' shown", d -> d.findElements(TASK).stream().anyMatch(task ->
                task.isDisplayed() && task.getText().startsWith(taskName)));
    }

    boolean showsTask(String taskName) {
        return browser.driver().findElements(TASK).stream()
                .anyMatch(task -> task.isDisplayed() && task.getText().startsWith(taskName));
    }

    /** Claims the open task: Tasklist keeps the form read-only until the user has claimed it. */
    TasklistPage claim() {
        browser.click(By.cssSelector("[cam-tasklist-task] button.claim"));
        browser.waitUntil("task claimed", d -> d.findElements(By.cssSelector("[cam-tasklist-task] button.claim")).isEmpty());
        return this;
    }

    CamundaFormPage taskForm() {
        return new CamundaFormPage(browser, "[cam-tasklist-task] [cam-tasklist-form-camunda]");
    }

    /**
     * Presses Complete (完了) under the task's form, and again should the press not have reached Tasklist: neither a
     * submission went to the server nor did the form show the browser's own "Field is required." (a pane that
     * shifts while it re-renders can take the click, as it would a user's).
     */
    TasklistPage complete() {
        dismissNotifications();
        long submissionsBefore = submissions();
        for (int attempt = 1; ; attempt++) {
            browser.click(COMPLETE);
            try {
                browser.waitUntil("Complete pressed", java.time.Duration.ofSeconds(5), d -> submissions() > submissionsBefore
                        || d.findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error")).stream()
                                .anyMatch(error -> !error.getText().isBlank()));
                return this;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private long submissions() {
        return ((Number) browser.js("return window.__submissions || 0;")).longValue();
    }

    // ------------------------------------------------------------------ starting a process

    /** Opens "Start process", picks the process by its name and returns its start form. */
    CamundaFormPage startProcess(String processName) {
        dismissNotifications();
        browser.click(START_PROCESS);
        browser.click(By.xpath("//div[contains(@class,'modal-body')]//a[normalize-space()='" + processName + "']"));
        browser.visible(By.xpath("//div[contains(@class,'modal-content')]//*[contains(normalize-space(),'"
                + text("START_PROCESS") + ": " + processName + "')]"));
        return new CamundaFormPage(browser, ".modal-content [cam-tasklist-form-camunda]");
    }

    /** The processes the user may start, as listed by "Start process" (the dialog is closed again). */
    List<String> startableProcesses() {
        dismissNotifications();
        browser.click(START_PROCESS);
        browser.waitUntil("process list loaded", d -> !d.findElements(MODAL).isEmpty()
                && d.findElements(By.cssSelector(".modal-body .loader")).stream().noneMatch(WebElement::isDisplayed)
                && (d.findElement(By.cssSelector(".modal-body")).getText().contains(text("CLICK_PROCESS_TO_START"))
                    || d.findElement(By.cssSelector(".modal-body")).getText().contains(text("NO_PROCESS_DEFINITION_AVAILABLE"))));
        List<String> names = browser.driver().findElements(By.cssSelector(".modal-body a[ng-click^='selectProcessDefinition']"))
                .stream().map(WebElement::getText).map(String::trim).toList();
        browser.click(CLOSE_DIALOG);
        browser.waitUntil("dialog closed", d -> d.findElements(MODAL).isEmpty());
        return names;
    }

    /** Presses the start form's Start button (開始). */
    TasklistPage submitStartForm() {
        dismissNotifications();
        browser.click(START);
        return this;
    }

    boolean startFormOpen() {
        return browser.isPresent(MODAL);
    }
}
