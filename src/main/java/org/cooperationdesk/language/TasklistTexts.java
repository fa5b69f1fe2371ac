package org.cooperationdesk.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ClassPathResource;

/**
 * The texts of Tasklist's shared filters in both languages ({@code i18n/tasklist*.properties}), both ways: what a
 * reader sees in their language, and from what a Japanese reader saw back to the English the office stores.
 */
final class TasklistTexts {

    private static final Properties ENGLISH = load("i18n/tasklist.properties");
    private static final Properties JAPANESE = load("i18n/tasklist_ja.properties");

    private TasklistTexts() {
    }

    /** The text of a key in the reader's language; null when it has none (English: the stored text stands). */
    static String shown(String key, Language language) {
        return language == Language.JA ? JAPANESE.getProperty(key) : null;
    }

    /** Puts a filter's name, description and card labels back as stored; true when any was in the reader's language. */
    static boolean storedAs(JsonNode filter, Language language) {
        if (language != Language.JA) {
            return false;
        }
        boolean changed = english((ObjectNode) filter, "name");
        if (filter.path("properties").isObject()) {
            changed |= english((ObjectNode) filter.path("properties"), "description");
            for (JsonNode variable : filter.path("properties").path("variables")) {
                if (variable.isObject()) {
                    changed |= english((ObjectNode) variable, "label");
                }
            }
        }
        return changed;
    }

    private static boolean english(ObjectNode object, String field) {
        if (!object.path(field).isTextual()) {
            return false;
        }
        String shown = object.path(field).asText();
        for (String key : JAPANESE.stringPropertyNames()) {
            if (shown.equals(JAPANESE.getProperty(key)) && ENGLISH.getProperty(key) != null) {
                object.put(field, ENGLISH.getProperty(key));
                return true;
            }
        }
        return false;
    }

    private static Properties load(String path) {
        Properties texts = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return texts;
    }
}
