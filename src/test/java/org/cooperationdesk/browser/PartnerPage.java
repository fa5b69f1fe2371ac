package org.cooperationdesk.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A partner's page opened from the personal link of a mail (portal/): no sign-in, the ministry's masthead, what is
 * asked, and the form with its files. Fields are found by the label the partner reads ({@code label[for]}, a radio
 * group by its legend), never by their names.
 */
final class PartnerPage {

    private static final By TITLE = By.cssSelector("main.portal h1");
    private static final By SEND = By.cssSelector("form#answer button[type=submit]");

    private final Browser browser;

    PartnerPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the link as the mail gives it, on the application under test. */
    PartnerPage open(String url) {
        browser.open(url);
        browser.visible(TITLE);
        return this;
    }

    String title() {
        return browser.visible(TITLE).getText().trim();
    }

    /** The page's text as the partner reads it. */
    String text() {
        return CamundaWebappPage.normalise(browser.visible(By.cssSelector("main.portal")).getText());
    }

    /** The office's notices above the form (a returned answer's reason). */
    List<String> notices() {
        return browser.driver().findElements(By.cssSelector(".notices .message")).stream().map(WebElement::getText)
                .map(CamundaWebappPage::normalise).toList();
    }

    boolean asks() {
        return browser.isPresent(SEND);
    }

    PartnerPage choose(String legend, String option) {
        browser.click(By.xpath("//fieldset[legend[normalize-space(.)='" + legend + "']]//label[span[normalize-space(.)='"
                + option + "']]/input"));
        return this;
    }

    PartnerPage text(String label, String value) {
        WebElement input = input(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    String value(String label) {
        return input(label).getDomProperty("value");
    }

    /** A date typed into the browser's own date field, in the order its language shows the parts (MM/DD/YYYY in en-US). */
    PartnerPage date(String label, LocalDate date) {
        WebElement input = input(label);
        StringBuilder typed = new StringBuilder();
        for (String part : browser.dateParts()) {
            switch (part.charAt(0)) {
                case 'd' -> typed.append(DateTimeFormatter.ofPattern("dd").format(date));
                case 'M' -> typed.append(DateTimeFormatter.ofPattern("MM").format(date));
                case 'y' -> typed.append(DateTimeFormatter.ofPattern("yyyy").format(date));
                default -> {
                }
            }
        }
        browser.scrollToMiddle(input);
        browser.js("arguments[0].focus();", input); // its first part (a click would land on the part under the pointer)
        input.sendKeys(typed.toString());
        browser.waitUntil(label + " = " + date, d -> date.toString().equals(input.getDomProperty("value")));
        return this;
    }

    /** Chooses a file for a file field, as the partner's file dialog would. */
    PartnerPage attach(String label, Path file) {
        input(label).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Presses Send and waits for the page the office answers with. */
    PartnerPage send() {
        WebElement form = browser.visible(By.cssSelector("form#answer"));
        browser.click(SEND);
        browser.waitUntil("the answer sent", d -> {
            try {
                form.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return true;
            }
        });
        browser.visible(TITLE);
        return this;
    }

    private WebElement input(String label) {
        WebElement forLabel = browser.visible(By.xpath("//main[contains(@class,'portal')]//label[normalize-space(.)=\""
                + label + "\"]"));
        return browser.driver().findElement(By.id(forLabel.getDomAttribute("for")));
    }
}
