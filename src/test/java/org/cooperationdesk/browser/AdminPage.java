package org.cooperationdesk.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Admin: users, groups and authorizations, for admins only. */
final class AdminPage extends CamundaWebappPage {

    AdminPage(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    @Override
    String app() {
        return "admin";
    }

    AdminPage login(String user) {
        submitLogin(user);
        waitUntilLoggedIn(user);
        return this;
    }

    /** The Users page: the ids of the users listed (the first open of Admin in a browser loads the whole app). */
    List<String> users() {
        browser.open(url() + "#/users");
        browser.visible(By.cssSelector("table tbody tr"), Browser.LOAD_TIMEOUT);
        return browser.driver().findElements(By.cssSelector("table tbody tr td:first-child")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }
}
