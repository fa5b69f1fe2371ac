package org.cooperationdesk.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Cockpit as an admin uses it: the dashboard, the list of processes, a process's running
 * instances, one instance with its incidents, and the retry of a failed job.
 */
final class CockpitPage extends CamundaWebappPage {

    private static final By DASHBOARD = By.xpath("//*[normalize-space()='Running Process Instances']");
    private static final By INCIDENTS_TABLE = By.cssSelector("table.incidents-tab");
    private static final By INCIDENT_ROWS = By.cssSelector("table.incidents-tab tbody tr");

    CockpitPage(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    @Override
    String app() {
        return "cockpit";
    }

    /** Logs in and waits for the dashboard ("Right Now": running instances, incidents, human tasks). */
    CockpitPage login(String user) {
        submitLogin(user);
        waitUntilLoggedIn(user);
        browser.visible(DASHBOARD, Browser.LOAD_TIMEOUT);
        return this;
    }

    boolean showsDashboard() {
        return browser.isPresent(DASHBOARD);
    }

    /** "Processes" in the header: the deployed processes with their running instances and incidents. */
    CockpitPage openProcesses() {
        browser.click(By.cssSelector("a[href='#/processes']"));
        browser.visible(By.xpath("//*[contains(normalize-space(),'process definitions deployed')]"));
        browser.waitUntil("process list", d -> !processNames().isEmpty());
        return this;
    }

    List<String> processNames() {
        return browser.driver().findElements(By.cssSelector("table tr[ng-repeat^='pd in'] td.name a")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** Opens a process definition from the list and waits for its table of running instances. */
    CockpitPage openProcess(String name) {
        browser.click(By.xpath("//table//td[contains(@class,'name')]//a[normalize-space()='" + name + "']"));
        browser.visible(By.xpath("//ul[contains(@class,'cam-breadcrumb')][contains(normalize-space(),'" + name + "')]"));
        return this;
    }

    /** Waits until the running instance with this business key is listed, and returns its row's text. */
    String waitForInstanceRow(String businessKey) {
        return browser.waitUntil("instance " + businessKey + " listed", d -> d.findElements(By.cssSelector("table tbody tr"))
                .stream().map(WebElement::getText).filter(text -> text.contains(businessKey)).findFirst().orElse(null));
    }

    /** Opens an instance from the process's instance list by clicking its id. */
    CockpitPage openInstance(String processInstanceId) {
        browser.click(By.xpath("//table//a[normalize-space()='" + processInstanceId + "']"));
        browser.visible(By.xpath("//dd[contains(@class,'instance-id')][normalize-space()='" + processInstanceId + "']"));
        return this;
    }

    /**
     * Zooms the instance's diagram to a part of it (BPMN coordinates), as a user would with the mouse, by
     * Cockpit's own viewbox parameter; for screenshots that show where an instance stands.
     */
    CockpitPage zoomDiagram(String processInstanceId, String definitionsId, int x, int y, int width, int height) {
        String viewbox = "{\"" + definitionsId + "\":{\"x\":" + x + ",\"y\":" + y + ",\"width\":" + width
                + ",\"height\":" + height + "}}";
        browser.open(url() + "#/process-instance/" + processInstanceId + "/runtime?tab=incidents-tab&viewbox="
                + java.net.URLEncoder.encode(viewbox, java.nio.charset.StandardCharsets.UTF_8));
        browser.driver().navigate().refresh();
        browser.visible(INCIDENTS_TABLE);
        return this;
    }

    String instanceBusinessKey() {
        return browser.visible(By.cssSelector("dd.business-key")).getText().trim();
    }

    /** The "Incidents" tab of an open process instance. */
    CockpitPage openIncidentsTab() {
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Incidents']"));
        browser.visible(INCIDENTS_TABLE);
        return this;
    }

    /** The message, activity and type of each incident shown. */
    List<String> incidents() {
        return browser.driver().findElements(INCIDENT_ROWS).stream().map(WebElement::getText)
                .map(CamundaWebappPage::normalise).filter(text -> !text.isEmpty()).toList();
    }

    CockpitPage waitForIncident(String containing) {
        browser.waitUntil("incident containing '" + containing + "'", d -> {
            if (incidents().stream().anyMatch(text -> text.contains(containing))) {
                return true;
            }
            reloadIncidents();
            return false;
        });
        return this;
    }

    /** Reloads the instance page on the Incidents tab (Cockpit does not poll). */
    void reloadIncidents() {
        browser.driver().navigate().refresh();
        browser.visible(INCIDENTS_TABLE);
    }

    /**
     * The incident's retry action ("Increment Number of Retries of Failed Job"): the dialog's Retry, then OK.
     * Returns the dialog's confirmation.
     */
    String retryIncident() {
        browser.click(By.cssSelector("table.incidents-tab td.action a[ng-click^='openJobRetryDialog']"));
        browser.visible(By.xpath("//div[contains(@class,'modal-header')]//*[normalize-space()='Increment Number of Retries']"));
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Retry']"));
        String confirmation = browser.waitUntil("retry confirmed", d -> d.findElements(By.cssSelector(".modal-body")).stream()
                .map(WebElement::getText).map(CamundaWebappPage::normalise)
                .filter(text -> text.contains("incremented successfully") || text.contains("could not be incremented"))
                .findFirst().orElse(null));
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='OK']"));
        browser.waitUntil("retry dialog closed", d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
        return confirmation;
    }

    CockpitPage waitUntilNoIncidents() {
        browser.waitUntil("no incident left", d -> {
            if (incidents().isEmpty()) {
                return true;
            }
            reloadIncidents();
            return false;
        });
        return this;
    }
}
