package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real form in Japanese and in English, without Spring: only the strings a user reads change. */
class FormTranslationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FormTranslations translations;
    private static JsonNode dispatchRequest;

    @BeforeAll
    static void read() throws Exception {
        translations = new FormTranslations();
        try (InputStream in = FormTranslationsTest.class.getClassLoader().getResourceAsStream("forms/dispatch-request.form")) {
            dispatchRequest = JSON.readTree(in);
        }
    }

    @Test
    void japaneseLabelsDescriptionsTextsAndOptionLabelsWithTheValuesKeysAndValidationUnchanged() {
        JsonNode original = dispatchRequest.deepCopy();

        JsonNode japanese = translations.translate(dispatchRequest, Locale.JAPANESE);

        assertThat(field(japanese, "requestingBody").path("label").asText()).isEqualTo("要請機関");
        assertThat(field(japanese, "startDate").path("dateLabel").asText()).isEqualTo("開始日");
        assertThat(field(japanese, "programme").path("description").asText()).isEqualTo("これに資金を提供する拠出金またはプログラム（ある場合）");
        assertThat(japanese.path("components").get(0).path("text").asText()).startsWith("### 専門家の要請\n\n");
        assertThat(field(japanese, "fundedBy").path("values")).extracting(option -> option.path("value").asText() + "=" + option.path("label").asText())
                .containsExactly("REQUESTER=要請機関", "MINISTRY=当省", "SHARED=共同負担");
        List<String> keys = new ArrayList<>();
        japanese.path("components").forEach(component -> keys.add(component.path("key").asText()
                + component.path("type").asText() + component.path("validate") + component.path("properties")));
        List<String> originalKeys = new ArrayList<>();
        original.path("components").forEach(component -> originalKeys.add(component.path("key").asText()
                + component.path("type").asText() + component.path("validate") + component.path("properties")));
        assertThat(keys).as("keys, types, validation and properties").isEqualTo(originalKeys);
        assertThat(japanese.path("id")).isEqualTo(original.path("id"));
        assertThat(dispatchRequest).as("the form given is not changed").isEqualTo(original);
    }

    @Test
    void englishAndALanguageWithoutTranslationsGiveTheFormItself() {
        assertThat(translations.translate(dispatchRequest, Locale.ENGLISH)).isSameAs(dispatchRequest);
        assertThat(translations.translate(dispatchRequest, Locale.UK)).isSameAs(dispatchRequest);
        assertThat(translations.translate(dispatchRequest, Locale.FRENCH)).isSameAs(dispatchRequest);
        assertThat(translations.translate(JSON.createObjectNode().put("id", "no-such-form").set("components", JSON.createArrayNode()),
                Locale.JAPANESE).path("id").asText()).isEqualTo("no-such-form");
        assertThat(translations.languages()).containsExactly(Locale.JAPANESE);
    }

    @Test
    void aFieldsLabelForAMessageInTheUsersLanguage() {
        assertThat(translations.label("dispatch-request", "estimatedCostCurrency", Locale.JAPANESE)).isEqualTo("通貨");
        assertThat(translations.label("dispatch-request", "startDate", Locale.JAPAN)).as("a date field's date label").isEqualTo("開始日");
        assertThat(translations.label("dispatch-request", "startDate", Locale.ENGLISH)).isEqualTo("Start date");
        assertThat(translations.label("dispatch-request", "estimatedCostCurrency", Locale.GERMAN)).isEqualTo("Currency");
        assertThat(translations.label("dispatch-request", "noSuchField", Locale.JAPANESE)).isEqualTo("noSuchField");
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("No field " + key);
    }
}
