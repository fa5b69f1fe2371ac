package org.cooperationdesk.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The office's one login page (/login): where every browser test signs in, whatever application it opened. Spring
 * Security sends a signed-out browser here and, after signing in, back to the page it asked for.
 */
final class LoginPage {

    static final By FORM = By.id("login");
    static final By USERNAME = By.id("username");
    static final By PASSWORD = By.id("password");
    static final By SIGN_IN = By.cssSelector("#login button[type='submit']");
    static final By MESSAGE = By.cssSelector(".login .message");

    private final Browser browser;
    private final String baseUrl;

    LoginPage(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    String url() {
        return baseUrl + "/login";
    }

    /** Waits until the browser shows the login page (after being sent there). */
    LoginPage waitUntilShown() {
        browser.waitUntil("the login page", Browser.LOAD_TIMEOUT, d -> d.getCurrentUrl().startsWith(url())
                && !d.findElements(FORM).isEmpty());
        return this;
    }

    boolean isShown() {
        return browser.driver().getCurrentUrl().startsWith(url()) && browser.isPresent(FORM);
    }

    /** Demo passwords equal the user id. */
    void signIn(String user) {
        signIn(user, user);
    }

    void signIn(String user, String password) {
        waitUntilShown();
        // Type again until the fields hold the values: a field typed into while the page settles can lose its text.
        browser.waitUntil("login form filled in for " + user, d -> filledIn(d.findElement(USERNAME), user)
                & filledIn(d.findElement(PASSWORD), password));
        browser.click(SIGN_IN);
    }

    String message() {
        return browser.driver().findElements(MESSAGE).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static boolean filledIn(WebElement input, String value) {
        if (value.equals(input.getDomProperty("value"))) {
            return true;
        }
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE, value);
        return false;
    }
}
