package org.cooperationdesk.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded (Selenium Manager is
 * never asked, both executables are given). Explicit waits only; clicks scroll the element to the middle of
 * the window first, since Tasklist's footer and notifications cover the bottom of the page.
 */
public final class Browser implements AutoCloseable {

    /** Where Debian puts them; overridable for other machines with -Dbrowser.chromium / -Dbrowser.chromedriver. */
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int SCREENSHOT_HEIGHT = 1500;

    /** Generous: the machines are shared and slow at times. */
    static final Duration TIMEOUT = Duration.ofSeconds(45);
    /** For a page load: a first Tasklist load in a fresh browser takes 10 s on a quiet machine, far more on a busy one. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Keeps the page's last 100 API calls (method, address, status, milliseconds) and script errors in
     * {@code window.__evidence}, so that a failed test shows what the page asked the server and what it got.
     */
    private static final String RECORD_REQUESTS = """
            window.__evidence = [];
            const note = line => { window.__evidence.push(new Date().toISOString().substring(11, 23) + ' ' + line);
                                   if (window.__evidence.length > 100) window.__evidence.shift(); };
            const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
            XMLHttpRequest.prototype.open = function (method, url) { this.__call = method + ' ' + url; return open.apply(this, arguments); };
            window.__submissions = 0;
            XMLHttpRequest.prototype.send = function () {
              const started = Date.now();
              if (/\\/(submit-form|complete)(\\?|$)/.test(this.__call)) window.__submissions++;
              note('-> ' + this.__call);
              this.addEventListener('loadend', () => note('<- ' + this.status + ' ' + this.__call + ' (' + (Date.now() - started) + ' ms)'
                  + (this.status >= 400 ? ' ' + String(this.responseText).substring(0, 300) : '')));
              return send.apply(this, arguments);
            };
            window.addEventListener('error', e => note('script error: ' + e.message));
            document.addEventListener('click', e => note('click on <' + e.target.tagName.toLowerCase() + '> '
                + String(e.target.textContent || '').replace(/\\s+/g, ' ').trim().substring(0, 40)
                + (e.target.disabled ? ' (disabled)' : '')), true);
            window.addEventListener('unhandledrejection', e => note('unhandled rejection: ' + e.reason));
            """;

    /**
     * True when the element has not moved for two frames and is itself what a click at its middle would hit.
     * Tasklist's panes shift while a form, the list or a notification re-renders; a click sent at that moment
     * lands beside the button (seen: "Complete" clicked, the click landed on the form pane, nothing submitted).
     */
    private static final String STILL_AND_ON_TOP = """
            const element = arguments[0], done = arguments[arguments.length - 1];
            const before = element.getBoundingClientRect();
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const now = element.getBoundingClientRect();
              const hit = document.elementFromPoint(now.left + now.width / 2, now.top + now.height / 2);
              done(before.top === now.top && before.left === now.left && now.width > 0
                   && hit !== null && (hit === element || element.contains(hit) || hit.contains(element) && hit.tagName === 'LABEL'));
            }));
            """;

    private final WebDriver driver;
    private final Path profile;
    private final Locale language;
    private List<String> dateParts;

    private Browser(WebDriver driver, Path profile, Locale language) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
    }

    /** Why the browser tests cannot run here, or empty when Chromium and its driver are installed. */
    static Optional<String> missing() {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                return Optional.of("Browser tests skipped: " + executable
                        + " not found (apt-get install -y chromium chromium-driver)");
            }
        }
        return Optional.empty();
    }

    /** An English browser (en-US), as every journey but the Japanese ones uses. */
    static Browser start() {
        return start(Locale.US);
    }

    /**
     * A browser whose user reads this language: headless Chromium ignores {@code --lang} for what pages see, so the
     * language is also given as the Accept-Language of every request ({@code --accept-lang} and the
     * {@code intl.accept_languages} preference), which {@code navigator.languages} follows too, and as the locale
     * of the page's {@code Intl} (CDP {@code Emulation.setLocaleOverride}), which form-js reads for the format of its
     * date fields. An English browser is started exactly as before: {@code --lang=en-US}, nothing else.
     */
    static Browser start(Locale language) {
        Path profile;
        try {
            profile = Files.createTempDirectory("cooperation-desk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1100", "--lang=" + language.toLanguageTag(), "--user-data-dir=" + profile);
        boolean english = Locale.US.equals(language);
        if (!english) {
            options.addArguments("--accept-lang=" + language.toLanguageTag());
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language.toLanguageTag()));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(LOAD_TIMEOUT);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", RECORD_REQUESTS));
        if (!english) {
            driver.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", language.toLanguageTag()));
        }
        return new Browser(driver, profile, language);
    }

    /** The language its user reads (en-US unless a test chose another, see {@link BrowserLanguage}). */
    Locale language() {
        return language;
    }

    /**
     * The browser's date pattern as form-js derives it for its date fields (the default {@code Intl} locale's short
     * date, e.g. "M/d/yyyy" in en-US, "yyyy/M/d" in ja): the parts of a formatted date, each a letter repeated as
     * many times as the part has digits ({@code d}, {@code M}, {@code y}) or the text between them.
     */
    @SuppressWarnings("unchecked")
    List<String> dateParts() {
        if (dateParts == null) {
            dateParts = List.copyOf((List<String>) js(DATE_PARTS));
        }
        return dateParts;
    }

    private static final String DATE_PARTS = """
                return new Intl.DateTimeFormat('default').formatToParts(new Date(Date.UTC(2020, 5, 5))).map(part => {
                  const n = part.value.length;
                  switch (part.type) {
                    case 'day': return 'd'.repeat(n);
                    case 'month': return 'M'.repeat(n);
                    case 'year': return 'y'.repeat(n);
                    default: return "'" + part.value + "'";
                  }
                });
                """;

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Ends the session: the next page load shows a login form. */
    void forgetLogin() {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.get("about:blank");
    }

    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return waitUntil(what, TIMEOUT, condition);
    }

    <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.withMessage(what);
        wait.ignoring(StaleElementReferenceException.class);
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "\n" + whereWeAre(), e);
        }
    }

    /** The page a timed-out wait was on and the start of what it showed, for the failure's message in CI's log. */
    private String whereWeAre() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").trim();
            return "on " + driver.getCurrentUrl() + ", showing: " + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        } catch (RuntimeException unreadable) {
            return "page unreadable: " + unreadable.getClass().getSimpleName();
        }
    }

    /** The first visible element, waited for. */
    WebElement visible(By by) {
        return visible(by, TIMEOUT);
    }

    WebElement visible(By by, Duration timeout) {
        return waitUntil("visible: " + by, timeout,
                d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    boolean isPresent(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    void click(By by) {
        waitUntil("clickable: " + by, d -> {
            WebElement element = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return element != null && tryClick(element);
        });
    }

    void click(WebElement element) {
        waitUntil("clickable: " + element, d -> tryClick(element));
    }

    private boolean tryClick(WebElement element) {
        if (!element.isEnabled()) {
            return false;
        }
        scrollToMiddle(element);
        if (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeAsyncScript(STILL_AND_ON_TOP, element))) {
            return false; // still moving, or something else is where it would be clicked: try again
        }
        try {
            element.click();
            return true;
        } catch (ElementClickInterceptedException e) {
            return false; // a notification or an animation is in the way: try again
        }
    }

    void scrollToMiddle(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves target/screenshots/{name}.png: the window made taller and every pane scrolled to its top, so that a
     * whole form shows with its heading.
     */
    Path screenshot(String name) {
        return screenshot(name, SCREENSHOT_HEIGHT);
    }

    /** As {@link #screenshot(String)}, with the window this tall. */
    Path screenshot(String name, int height) {
        Dimension size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(size.getWidth(), height));
            js("document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; }); window.scrollTo(0, 0);");
            Thread.sleep(300); // let the layout settle after the resize; nothing to wait for explicitly
            return capture(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private Path capture(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a failed test: the screen and the page as they were. */
    void saveEvidence(String name) {
        try {
            capture(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            Object calls = js("""
                    const lines = (window.__evidence || []).slice();
                    document.querySelectorAll('.fjs-form-field-error').forEach(e => lines.push('form error: ' + e.textContent));
                    const button = document.querySelector('[cam-tasklist-task] .form-actions .btn-primary');
                    const scope = button && window.angular && angular.element(button).scope();
                    if (scope) lines.push('Complete button: $invalid=' + scope.$invalid + ' completeInProgress='
                        + scope.completeInProgress + ' taskRemoved=' + scope.taskRemoved + ' $loaded=' + scope.$loaded);
                    return lines.join('\\n');
                    """);
            Files.writeString(SCREENSHOTS.resolve(name + ".requests.txt"), String.valueOf(calls));
        } catch (RuntimeException | IOException e) {
            // evidence is best effort; the test's own failure is what matters
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
