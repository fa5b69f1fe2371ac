package org.cooperationdesk.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js 1.x) as Tasklist renders it, inside a start form modal or a task's Form tab.
 * Fields are found by the label a user reads ({@code .fjs-form-field} with its first
 * {@code label.fjs-form-field-label}, the required asterisk left out), never by generated ids.
 */
final class CamundaFormPage {

    /** The field whose label (without the asterisk of required fields) is wanted, in the visible container. */
    private static final String FIND_FIELD = """
            const container = Array.from(document.querySelectorAll(arguments[0])).find(c => c.offsetParent !== null);
            const wanted = arguments[1];
            if (!container) return null;
            const labelOf = field => {
              const label = field.querySelector('label.fjs-form-field-label');
              if (!label) return null;
              let text = '';
              label.childNodes.forEach(node => {
                if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
              });
              return text.replace(/\\s+/g, ' ').trim();
            };
            return Array.from(container.querySelectorAll('.fjs-form-field')).find(f => labelOf(f) === wanted) || null;
            """;

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private final Browser browser;
    private final String container;

    /** @param container CSS selector of the element the form is rendered in */
    CamundaFormPage(Browser browser, String container) {
        this.browser = browser;
        this.container = container;
    }

    /** Waits until form-js has rendered the form (it loads after the surrounding page). */
    CamundaFormPage waitUntilRendered(String someLabel) {
        field(someLabel);
        return this;
    }

    WebElement field(String label) {
        return browser.waitUntil("form field '" + label + "'", d -> (WebElement) browser.js(FIND_FIELD, container, label));
    }

    // ------------------------------------------------------------------ filling

    CamundaFormPage text(String label, String value) {
        WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
        type(input, value);
        return this;
    }

    CamundaFormPage textarea(String label, String value) {
        type(field(label).findElement(By.cssSelector("textarea")), value);
        return this;
    }

    CamundaFormPage number(String label, long value) {
        type(field(label).findElement(By.cssSelector("input.fjs-input")), String.valueOf(value));
        return this;
    }

    /** A Camunda Forms select is a custom dropdown: open its display, click the option. */
    CamundaFormPage select(String label, String option) {
        WebElement item = dropdownItem(label, items -> items.stream()
                .filter(candidate -> candidate.getText().trim().equals(option)).findFirst().orElse(null));
        browser.click(item);
        browser.waitUntil("'" + option + "' chosen in " + label, d -> selected(label).equals(option));
        return this;
    }

    /** Chooses the first option offered (e.g. the best roster match) and returns its text. */
    String selectFirst(String label) {
        WebElement item = dropdownItem(label, items -> items.isEmpty() ? null : items.get(0));
        String text = item.getText().trim();
        browser.click(item);
        browser.waitUntil("'" + text + "' chosen in " + label, d -> selected(label).equals(text));
        return text;
    }

    /** Opens the dropdown (again, should a click not have opened it) until the wanted item is there. */
    private WebElement dropdownItem(String label, java.util.function.Function<List<WebElement>, WebElement> wanted) {
        WebElement field = field(label);
        return browser.waitUntil("option in " + label, d -> {
            List<WebElement> items = field.findElements(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item"));
            if (items.isEmpty()) {
                browser.click(field.findElement(By.cssSelector(".fjs-select-display")));
                return null;
            }
            return wanted.apply(items);
        });
    }

    CamundaFormPage radio(String label, String option) {
        WebElement optionLabel = optionLabel(label, option);
        browser.click(optionLabel);
        browser.waitUntil(option + " chosen in " + label, d -> optionLabel.findElement(By.tagName("input")).isSelected());
        return this;
    }

    CamundaFormPage checkbox(String label, boolean checked) {
        WebElement input = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        if (input.isSelected() != checked) {
            browser.click(field(label).findElement(By.cssSelector("label[for]")));
        }
        browser.waitUntil(label + " checked=" + checked, d -> input.isSelected() == checked);
        return this;
    }

    /** Ticks these options of a checklist (and leaves the others as they are). */
    CamundaFormPage checklist(String label, String... options) {
        for (String option : options) {
            WebElement optionLabel = optionLabel(label, option);
            WebElement input = optionLabel.findElement(By.tagName("input"));
            if (!input.isSelected()) {
                browser.click(optionLabel);
            }
            browser.waitUntil(option + " ticked in " + label, d -> input.isSelected());
        }
        return this;
    }

    /** Leaves exactly these options of a checklist ticked (a form may tick some by default). */
    CamundaFormPage checklistOnly(String label, String... options) {
        List<String> wanted = List.of(options);
        for (String option : choices(label)) {
            WebElement optionLabel = optionLabel(label, option);
            WebElement input = optionLabel.findElement(By.tagName("input"));
            boolean tick = wanted.contains(option);
            if (input.isSelected() != tick) {
                browser.click(optionLabel);
            }
            browser.waitUntil(option + (tick ? " ticked" : " unticked") + " in " + label, d -> input.isSelected() == tick);
        }
        return this;
    }

    /** The label (wrapping its input) of one option of a radio group or checklist. */
    private WebElement optionLabel(String label, String option) {
        WebElement field = field(label);
        return browser.waitUntil("option '" + option + "' of " + label, d -> (WebElement) browser.js(
                "return Array.from(arguments[0].querySelectorAll('label[for]'))"
                        + ".find(l => l.textContent.replace(/\\s+/g, ' ').trim() === arguments[1]) || null;", field, option));
    }

    /** The options a checklist or radio group offers. */
    List<String> choices(String label) {
        return field(label).findElements(By.cssSelector("label[for]")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /**
     * A date field is a flatpickr input: typed as MM/DD/YYYY and left with Tab (Escape would also close a
     * start form's modal).
     */
    CamundaFormPage date(String label, LocalDate date) {
        WebElement input = field(label).findElement(By.cssSelector("input.flatpickr-input"));
        String typed = US_DATE.format(date);
        type(input, typed);
        input.sendKeys(Keys.TAB);
        browser.waitUntil(label + " = " + typed, d -> date.equals(date(label)));
        return this;
    }

    /** The date a date field shows (flatpickr shows it as M/D/YYYY once the field is left), or null. */
    LocalDate date(String label) {
        String shown = field(label).findElement(By.cssSelector("input.flatpickr-input")).getDomProperty("value");
        try {
            return shown == null || shown.isBlank() ? null : LocalDate.parse(shown.trim(), SHOWN_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void type(WebElement input, String value) {
        browser.click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value);
    }

    // ------------------------------------------------------------------ reading

    /** What a text, number, text area or date field shows. */
    String value(String label) {
        WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
        return input.getDomProperty("value");
    }

    /** The option a select shows (its label, not its value). */
    String selected(String label) {
        return field(label).findElement(By.cssSelector(".fjs-select-display")).getText().trim();
    }

    boolean isChecked(String label) {
        return field(label).findElement(By.cssSelector("input[type='checkbox']")).isSelected();
    }

    boolean isDisabled(String label) {
        return !field(label).findElement(By.cssSelector("input, textarea")).isEnabled();
    }

    /** The validation messages form-js shows under the field (e.g. "Field is required."). */
    List<String> errors(String label) {
        return field(label).findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .map(WebElement::getText).map(String::trim).filter(text -> !text.isEmpty()).toList();
    }
}
