package org.cooperationdesk.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What Tasklist, Cockpit and Admin have in common: their address, signing in (on the office's one login page,
 * {@link LoginPage}) and the notifications they show.
 */
abstract class CamundaWebappPage {

    static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");

    protected final Browser browser;
    protected final String baseUrl;

    CamundaWebappPage(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** "tasklist", "cockpit" or "admin". */
    abstract String app();

    String url() {
        return baseUrl + "/camunda/app/" + app() + "/default/";
    }

    /**
     * Opens the app with a fresh session: the browser is sent to the login page, signs in there (demo passwords equal
     * the user id) and comes back to the app. Every browser test signs in here.
     */
    void submitLogin(String user) {
        browser.forgetLogin();
        browser.open(url());
        new LoginPage(browser, baseUrl).signIn(user);
    }

    /** Waits until the browser is back in the app, signed in: neither the login page nor the webapp's own login route. */
    void waitUntilLoggedIn(String user) {
        browser.waitUntil(user + " logged into " + app(), Browser.LOAD_TIMEOUT,
                d -> d.getCurrentUrl().startsWith(url()) && !d.getCurrentUrl().contains("#/login"));
    }

    List<String> notifications() {
        return browser.driver().findElements(NOTIFICATIONS).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).map(CamundaWebappPage::normalise).toList();
    }

    /** Waits for a notification containing the text and returns its whole text. */
    String waitForNotification(String containing) {
        return browser.waitUntil("a notification containing '" + containing + "' (shown: " + notifications() + ")",
                d -> notifications().stream().filter(text -> text.contains(containing)).findFirst().orElse(null));
    }

    void dismissNotifications() {
        for (WebElement close : browser.driver().findElements(By.cssSelector(".notifications .alert button.close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.ElementNotInteractableException e) {
                // the notification went away by itself meanwhile
            }
        }
    }

    // ------------------------------------------------------------------ the office's look (config.js, user-styles.css)

    /** The header's brand once the app shows it: the office's name and the app's ("Cooperation Desk Tasklist"). */
    String brandName() {
        return browser.waitUntil("the header's brand name", d -> (String) browser.js("""
                const brand = document.querySelector('[cam-widget-header] .navbar-brand .brand-name');
                const text = brand && brand.getClientRects().length > 0 ? brand.textContent.trim() : '';
                return text === '' ? null : text;
                """));
    }

    /** The address of the logo the header shows (a background image), or null when it shows Camunda's own. */
    String logoAddress() {
        return (String) browser.js("""
                const logo = document.querySelector('[cam-widget-header] .navbar-brand .brand-logo');
                if (!logo || logo.getClientRects().length === 0 || logo.getBoundingClientRect().width < 16) return null;
                if (Array.from(logo.querySelectorAll('svg')).some(svg => svg.getClientRects().length > 0)) return null;
                const image = getComputedStyle(logo).backgroundImage.match(/url\\("?([^")]*)"?\\)/);
                return image ? image[1] : null;
                """);
    }

    /**
     * Whether a banner about Camunda 8 shows: the one Camunda 7.24 puts above every screen (found by its class, in any
     * language), or its words anywhere on the visible page.
     */
    boolean showsCamunda8Banner() {
        return (Boolean) browser.js("""
                return Array.from(document.querySelectorAll('.ce-eol-banner')).some(b => b.getClientRects().length > 0)
                  || document.body.innerText.includes('Camunda 8');
                """);
    }

    /** The space between the header and the app's content: Camunda keeps 20 px there for its banner. */
    long gapBelowHeader(String contentSelector) {
        return ((Number) browser.js("""
                const header = document.querySelector('[cam-widget-header]');
                const content = document.querySelector(arguments[0]);
                return Math.round(content.getBoundingClientRect().top - header.getBoundingClientRect().bottom);
                """, contentSelector)).longValue();
    }

    String bodyText() {
        return normalise(browser.driver().findElement(By.tagName("body")).getText());
    }

    static String normalise(String text) {
        return text == null ? "" : text.replace('×', ' ').replaceAll("\\s+", " ").trim();
    }
}
