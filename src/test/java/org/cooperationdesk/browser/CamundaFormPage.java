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

    private static final By DROPDOWN_ITEM = By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item");
    /** A searchable select's input: the search text while typing, the chosen option's label otherwise. */
    private static final By SEARCHABLE_INPUT = By.cssSelector(".fjs-input-group input.fjs-input");
    private static final By TAGLIST_INPUT = By.cssSelector("input.fjs-taglist-input");


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
        fill(label, By.cssSelector("input.fjs-input, textarea"), value);
        return this;
    }

    CamundaFormPage textarea(String label, String value) {
        fill(label, By.cssSelector("textarea"), value);
        return this;
    }

    CamundaFormPage number(String label, long value) {
        fill(label, By.cssSelector("input.fjs-input"), String.valueOf(value));
        return this;
    }

    /**
     * Types the value unless the field holds it already, until it does (seen: a text typed into a task form a moment
     * after it showed was gone when Complete was pressed, the field empty and "required"). Filling a field again with
     * the same value therefore only checks that it is still there.
     */
    private void fill(String label, By input, String value) {
        browser.waitUntil(label + " holds '" + value + "'", d -> {
            WebElement current = field(label).findElement(input);
            if (value.equals(current.getDomProperty("value"))) {
                return true;
            }
            type(current, value);
            return false;
        });
    }

    /**
     * Chooses an option of a select by its label. A plain select is a custom dropdown: open its display, click the
     * option. A searchable one (countries, organisations, currencies) is a text input: type the option's label and
     * click it in the filtered list, see {@link #search(String, String, String)}.
     */
    CamundaFormPage select(String label, String option) {
        if (isSearchable(label)) {
            return search(label, option, option);
        }
        WebElement item = dropdownItem(label, items -> items.stream()
                .filter(candidate -> candidate.getText().trim().equals(option)).findFirst().orElse(null));
        browser.click(item);
        browser.waitUntil("'" + option + "' chosen in " + label, d -> selected(label).equals(option));
        return this;
    }

    /**
     * Chooses an option of a searchable select as a user does: types part of its label ({@code typed}, e.g. "Egy"),
     * then clicks the option whose label is {@code option} in the list the typing filtered.
     */
    CamundaFormPage search(String label, String typed, String option) {
        WebElement field = field(label);
        WebElement input = field.findElement(SEARCHABLE_INPUT);
        browser.click(typed(input, typed, option, field, label));
        browser.waitUntil("'" + option + "' chosen in " + label, d -> selected(label).equals(option));
        return this;
    }

    /**
     * Adds these options to a tag list (a multiple choice with a search input): for each, types its label and
     * clicks it in the filtered list; then leaves the input, as a click elsewhere would, to close the list.
     */
    CamundaFormPage taglist(String label, String... options) {
        WebElement field = field(label);
        WebElement input = field.findElement(TAGLIST_INPUT);
        for (String option : options) {
            browser.click(typed(input, option, option, field, label));
            browser.waitUntil("'" + option + "' added to " + label, d -> tags(label).contains(option));
        }
        leave(field, input, label);
        return this;
    }

    /**
     * Empties a select (its clear cross, shown once it has a value) or a tag list (each tag's remove button), e.g.
     * the group of countries a form proposes by default.
     */
    CamundaFormPage clear(String label) {
        WebElement field = field(label);
        if (!field.findElements(TAGLIST_INPUT).isEmpty()) {
            browser.waitUntil(label + " cleared", d -> {
                List<WebElement> remove = field.findElements(By.cssSelector(".fjs-taglist-tag-remove"));
                if (remove.isEmpty()) {
                    return true;
                }
                browser.click(remove.get(remove.size() - 1));
                return false;
            });
            leave(field, field.findElement(TAGLIST_INPUT), label);
            return this;
        }
        browser.waitUntil(label + " cleared", d -> {
            if (selected(label).isEmpty()) {
                return true;
            }
            field.findElements(By.cssSelector(".fjs-select-cross")).stream().findFirst().ifPresent(browser::click);
            return false;
        });
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
            List<WebElement> items = field.findElements(DROPDOWN_ITEM);
            if (items.isEmpty()) {
                browser.click(field.findElement(By.cssSelector(".fjs-select-display")));
                return null;
            }
            return wanted.apply(items);
        });
    }

    /**
     * Types into the search input of a searchable select or tag list until the filtered list offers the option
     * (typing again should the list have closed or the text not have arrived) and returns that item.
     */
    private WebElement typed(WebElement input, String typed, String option, WebElement field, String label) {
        type(input, typed);
        return browser.waitUntil("'" + option + "' offered in " + label + " after typing '" + typed + "'", d -> {
            WebElement item = field.findElements(DROPDOWN_ITEM).stream()
                    .filter(candidate -> candidate.getText().trim().equals(option)).findFirst().orElse(null);
            if (item == null && (field.findElements(DROPDOWN_ITEM).isEmpty() || !typed.equals(input.getDomProperty("value")))) {
                type(input, typed);
            }
            return item;
        });
    }

    /** Leaves a search input (its list closes), as a click elsewhere in the form would. */
    private void leave(WebElement field, WebElement input, String label) {
        browser.js("arguments[0].blur();", input);
        browser.waitUntil("the list of " + label + " closed", d -> field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty());
    }

    private boolean isSearchable(String label) {
        return field(label).findElements(By.cssSelector(".fjs-select-display")).isEmpty()
                && !field(label).findElements(SEARCHABLE_INPUT).isEmpty();
    }

    /**
     * Chooses an option of a radio group, clicking again should a click have been lost (seen once: right after a text
     * area was typed into, the form took the click on the option's label without choosing it).
     */
    CamundaFormPage radio(String label, String option) {
        for (int attempt = 1; ; attempt++) {
            browser.click(optionLabel(label, option));
            try {
                browser.waitUntil(option + " chosen in " + label, java.time.Duration.ofSeconds(8),
                        d -> optionLabel(label, option).findElement(By.tagName("input")).isSelected());
                return this;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
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
     * A date field is a flatpickr input in the browser's date format (form-js takes it from the browser's
     * {@code Intl} locale, {@link Browser#dateParts()}): typed with day and month of two digits (MM/DD/YYYY in an
     * en-US browser, YYYY/MM/DD in a Japanese one) and left with Tab (Escape would also close a start form's modal).
     */
    CamundaFormPage date(String label, LocalDate date) {
        WebElement input = field(label).findElement(By.cssSelector("input.flatpickr-input"));
        String typed = typedDate().format(date);
        type(input, typed);
        input.sendKeys(Keys.TAB);
        browser.waitUntil(label + " = " + typed, d -> date.equals(date(label)));
        return this;
    }

    /**
     * The date a date field shows (flatpickr shows it in the browser's format once the field is left: M/D/YYYY in
     * en-US, YYYY/M/D in Japanese), or null.
     */
    LocalDate date(String label) {
        String shown = field(label).findElement(By.cssSelector("input.flatpickr-input")).getDomProperty("value");
        try {
            return shown == null || shown.isBlank() ? null : LocalDate.parse(shown.trim(), shownDate());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The browser's date format as flatpickr shows a date in it ("M/d/yyyy" in en-US). */
    private DateTimeFormatter shownDate() {
        return DateTimeFormatter.ofPattern(String.join("", browser.dateParts()));
    }

    /** The same with day and month of two digits, as typed ("MM/dd/yyyy" in en-US); flatpickr reads both. */
    private DateTimeFormatter typedDate() {
        return DateTimeFormatter.ofPattern(browser.dateParts().stream()
                .map(part -> part.equals("d") ? "dd" : part.equals("M") ? "MM" : part).reduce("", String::concat));
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

    /**
     * The option a select shows (its label, not its value), or an empty string when none is chosen (a plain select
     * then shows the placeholder "Select", a searchable one an empty input).
     */
    String selected(String label) {
        WebElement field = field(label);
        List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
        if (!display.isEmpty()) {
            return display.get(0).getDomAttribute("class").contains("fjs-select-placeholder") ? "" : display.get(0).getText().trim();
        }
        return field.findElement(SEARCHABLE_INPUT).getDomProperty("value").trim();
    }

    /** The options chosen in a tag list, in the order shown. */
    List<String> tags(String label) {
        return field(label).findElements(By.cssSelector(".fjs-taglist-tag-label")).stream()
                .map(WebElement::getText).map(String::trim).toList();
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
