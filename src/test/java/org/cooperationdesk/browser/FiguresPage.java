package org.cooperationdesk.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The office's figures page (/desk/figures): the period form, the tables, the charts and the download links. */
final class FiguresPage {

    static final By HEADING = By.tagName("h1");
    static final By PERIOD = By.cssSelector("#period select[name='period']");
    static final By YEAR = By.cssSelector("#period input[name='year']");
    static final By SHOW = By.cssSelector("#period button[type='submit']");

    private final Browser browser;

    FiguresPage(Browser browser) {
        this.browser = browser;
    }

    String heading() {
        return browser.visible(HEADING).getText();
    }

    /** Chooses the kind of year and the year in the form and shows them; waits for the new heading. */
    void choose(String periodLabel, int year, String expectedHeading) {
        new Select(browser.visible(PERIOD)).selectByVisibleText(periodLabel);
        WebElement input = browser.visible(YEAR);
        browser.waitUntil("year " + year + " typed", d -> {
            if (String.valueOf(year).equals(input.getDomProperty("value"))) {
                return true;
            }
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.DELETE, String.valueOf(year));
            return false;
        });
        browser.click(SHOW);
        browser.waitUntil("the figures of " + expectedHeading, d -> d.findElement(HEADING).getText().equals(expectedHeading));
    }

    WebElement table(String id) {
        return browser.visible(By.id(id));
    }

    /** The texts of a table row's cells, the row found by its id. */
    java.util.List<String> row(String id) {
        return browser.driver().findElement(By.id(id)).findElements(By.cssSelector("th, td")).stream()
                .map(WebElement::getText).toList();
    }

    WebElement chart(String id) {
        return browser.visible(By.cssSelector("#" + id + " svg"));
    }

    String draft(String language) {
        return browser.visible(By.id("draft-" + language)).getDomProperty("value");
    }

    /** Fetches what a download link points to, with the browser's session, as the browser would save it. */
    HttpResponse<byte[]> download(String linkId) throws Exception {
        return fetch(browser.visible(By.id(linkId)).getDomProperty("href"));
    }

    /** Fetches an address with the browser's session, as the browser would save what it points to. */
    HttpResponse<byte[]> fetch(String href) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue())
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
