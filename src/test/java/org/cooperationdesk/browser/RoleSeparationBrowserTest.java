package org.cooperationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Who reaches which application, in the browser: coordinators and managers work in Tasklist only (each with
 * their own filters), Cockpit and Admin are for admins.
 */
class RoleSeparationBrowserTest extends BrowserTestBase {

    @Test
    void aCoordinatorCannotOpenCockpitOrAdmin() {
        step("logged into Tasklist, the coordinator opens Cockpit and Admin by their addresses");
        tasklist().login("coordinator");
        CockpitPage cockpit = cockpit();
        browser.open(cockpit.url());
        browser.waitUntil("Cockpit refused", d -> cockpit.bodyText().contains("Cockpit is for administrators"));
        assertThat(cockpit.bodyText()).contains("Coordinators, managers and directors do their work in Tasklist");
        screenshot("cockpit-refused-when-logged-in");
        assertThat(cockpit.showsDashboard()).isFalse();
        assertThat(cockpit.bodyText()).doesNotContain("Running Process Instances").doesNotContain("Processes");
        AdminPage admin = admin();
        browser.open(admin.url());
        browser.waitUntil("Admin refused", d -> admin.bodyText().contains("Admin is for administrators"));
        assertThat(admin.bodyText()).doesNotContain("Authorizations");
        browser.click(org.openqa.selenium.By.linkText("Go to Tasklist"));
        TasklistPage tasklist = tasklist();
        browser.waitUntil("back in Tasklist", d -> tasklist.filterNames().contains("Coordination"));

        step("signed out, the coordinator opens Cockpit and Admin, signs in on the way and is refused there");
        cockpit.submitLogin("coordinator");
        browser.waitUntil("Cockpit refused after signing in", Browser.LOAD_TIMEOUT,
                d -> cockpit.bodyText().contains("Cockpit is for administrators"));
        screenshot("cockpit-refuses-coordinator");
        assertThat(cockpit.showsDashboard()).isFalse();
        admin.submitLogin("coordinator");
        browser.waitUntil("Admin refused after signing in", Browser.LOAD_TIMEOUT,
                d -> admin.bodyText().contains("Admin is for administrators"));
        assertThat(admin.bodyText()).doesNotContain("Authorizations");
    }

    @Test
    void aManagerApprovesInTasklistButStartsNoProcess() {
        TasklistPage tasklist = tasklist().login("manager");
        assertThat(tasklist.filterNames()).containsExactly("My tasks", "Approvals");
        assertThat(tasklist.startableProcesses()).doesNotContain("Expert dispatch", "Trainee invitation");
    }

    @Test
    void aCoordinatorStartsTheOfficesProcessesButSeesNoApprovals() {
        TasklistPage tasklist = tasklist().login("coordinator");
        assertThat(tasklist.filterNames()).containsExactly("My tasks", "Coordination");
        assertThat(tasklist.startableProcesses()).contains("Expert dispatch", "Trainee invitation");
    }

    @Test
    void anAdminManagesUsersInAdmin() {
        AdminPage admin = admin().login("admin");
        assertThat(admin.users()).contains("admin", "coordinator", "manager", "director");
    }
}
