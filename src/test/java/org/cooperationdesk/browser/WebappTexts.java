package org.cooperationdesk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda webapp writes on its buttons and notices in the browser's language, read from the very files the
 * webapp translates itself with ({@code webjars/camunda/app/<app>/locales/<language>.json}: Camunda's {@code en.json}
 * in its webjar, our {@code ja.json} in the application's resources), so that page objects and tests never keep
 * copies of them. A key the language lacks is the English text, as the webapp shows it (its fallback locale).
 */
final class WebappTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String app;
    private final JsonNode labels;
    private final JsonNode english;

    WebappTexts(String app, Locale language) {
        this.app = app;
        this.english = labels(app, "en");
        JsonNode own = "en".equals(language.getLanguage()) ? english : labels(app, language.getLanguage());
        this.labels = own == null ? english : own;
        if (english == null) {
            throw new IllegalStateException("No locales/en.json of " + app + " on the class path");
        }
    }

    /** The text of the key ("COMPLETE", "PROCESS_START_OK") as the webapp shows it to this browser. */
    String text(String key) {
        JsonNode text = labels.path(key);
        if (!text.isTextual()) {
            text = english.path(key);
        }
        if (!text.isTextual()) {
            throw new IllegalArgumentException(app + " has no text " + key);
        }
        return text.asText();
    }

    private static JsonNode labels(String app, String language) {
        String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
        try (InputStream in = WebappTexts.class.getResourceAsStream(path)) {
            return in == null ? null : JSON.readTree(in).path("labels"); // Jackson skips en.json's byte order mark
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
