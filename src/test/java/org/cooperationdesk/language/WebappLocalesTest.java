package org.cooperationdesk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Japanese texts of Camunda's webapps (issue 16): our {@code app/<app>/locales/ja.json} against the English
 * {@code en.json} of the Camunda 7.24 webjar, and each application's {@code scripts/config.js}. Tasklist and Welcome
 * must have every English key; Cockpit and Admin may leave keys out (the webapps then show the English text, their
 * {@code fallbackLocale}), but not have keys Camunda no longer has, and must have the keys of the screens the office
 * uses most (navigation, dashboard, incidents, users, groups, authorizations). Plain JUnit: the files are read from
 * the classpath, the English ones from the webjar (our own resources come first for a path both have).
 */
class WebappLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final List<String> APPS = List.of("tasklist", "welcome", "cockpit", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {{name}}, {{ name }} (angular-translate) and {} (Cockpit's counts). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}");
    /** HTML tags (not shown values such as {@code <null>} or {@code <Operation>}). */
    private static final Pattern TAG = Pattern.compile(
            "</?(a|b|br|code|div|em|i|li|ol|p|pre|small|span|strong|u|ul)(\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");

    /**
     * English words a Japanese text may keep as they are: product and application names, technical words and the
     * variable types of the engine (the forms and the REST API write them so).
     */
    private static final Set<String> SAME_IN_JAPANESE = Set.of(
            "Admin", "Camunda", "Cockpit", "Tasklist", "Welcome", "Camunda Cockpit", "Optimize", "Powered by",
            "ID", "ID*", "OK", "null", "<null>", "<undefined>", "BPMN", "DMN", "CMMN", "JSON", "XML", "URL",
            "Boolean", "Double", "Integer", "Long", "Short", "String");

    /** The keys Cockpit's Japanese file must have: navigation and header, dashboard, incidents, job retries. */
    private static final Set<String> COCKPIT_MUST_HAVE = Set.of(
            // navigation and header
            "COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_HUMAN_TASKS", "COCKPIT_MORE", "COCKPIT_DEPLOYMENTS",
            "COCKPIT_BATCHES", "COCKPIT_REPORTS", "CAM_WIDGET_HEADER_MY_PROFILE", "CAM_WIDGET_HEADER_SIGN_OUT",
            "CAM_WIDGET_HEADER_TOGGLE_NAVIGATION", "BREAD_CRUMBS_RUNTIME",
            // dashboard
            "DASHBOARD_RUNNING_PROCESS_INSTANCE", "DASHBOARD_OPEN_INCIDENTS", "DASHBOARD_OPEN_HUMAN_TASKS",
            "DASHBOARD_PROCESS_DEFINITIONS", "DASHBOARD_DECISION_DEFINITIONS", "DASHBOARD_DEPLOYMENTS",
            "DASHBOARD_ASSIGNED_TO_USER", "DASHBOARD_ASSIGNED_TO_GROUPS", "DASHBOARD_UNASSIGNED",
            // incidents: list, process instance tab, retries
            "PLUGIN_INCIDENTS_LABEL", "PLUGIN_INCIDENTS_TAB_ACTIVITY", "PLUGIN_INCIDENTS_TAB_MESSAGE",
            "PLUGIN_INCIDENTS_TAB_CREATE_TIME", "PLUGIN_INCIDENTS_TAB_NO_INCIDENTS",
            "PLUGIN_INCIDENTS_TAB_STACKTRACE_HEADER", "PLUGIN_PROCESS_DEF_INCIDENTS",
            "PLUGIN_PROCESS_INSTANCE_STATE_RUNNING_WITH_INCIDENTS", "PLUGIN_INC_JOB_RETRY_TOOLTIP_RETRIES",
            "PLUGIN_JOB_RETRY_LEGEND_1", "PLUGIN_JOB_RETRY_LEGEND_2", "PLUGIN_JOB_RETRY_LEGEND_3",
            "PLUGIN_JOB_RETRY_LEGEND_4", "PLUGIN_JOB_RETRY_LEGEND_5", "PLUGIN_JOB_RETRY_BTN_RETRY",
            "PLUGIN_JOB_RETRY_DUE_DATE_KEEP", "PLUGIN_JOB_RETRY_BULK_INCREMENT_RETRIES",
            "PLGN_JRET_INCREMENT_RETRIES", "PLGN_JRET_DIALOG_INCREMENT", "PLGN_HIST_INCIDENTS",
            "PLUGIN_JOBS", "PLUGIN_JOBS_RETRIES", "PLUGIN_JOB_DEFINITION_LABEL",
            // process instance view
            "PROCESS_INSTANCE_INSTANCE_ID", "PROCESS_INSTANCE_BUSINESS_KEY", "PLUGIN_USER_TASKS_LABEL",
            "PLUGIN_CANCEL_PROCESS_DELETE_PROCESS_INSTANCE");

    /** The keys Admin's Japanese file must have: navigation, users, groups, authorizations and their dialogs. */
    private static final Set<String> ADMIN_MUST_HAVE = Set.of(
            "USERS_USERS", "GROUPS_LIST_OF_GROUPS", "TENANTS_TENANTS", "AUTHORIZATION_AUTHORIZATIONS", "SYSTEM_SYSTEM",
            "CAM_WIDGET_HEADER_MY_PROFILE", "CAM_WIDGET_HEADER_SIGN_OUT",
            "USERS_LIST_OF_USERS", "USERS_CREATE_NEW_USER", "USERS_EDIT_USER", "USERS_USER_DELETE_CONFIRM",
            "USERS_USER_DELETE_INFO", "USERS_ADD_TO_A_GROUP", "USERS_CHANGE_PASSWORD", "USERS_UNLOCK_USER",
            "GROUP_CREATE_NEW_GROUP", "GROUP_EDIT_EDIT_GROUP", "GROUP_EDIT_DELETE_CONFIRM",
            "GROUP_MEMBERSHIP_GROUP_SELECT_GROUPS", "AUTHORIZATION_CREATE_NEW_AUTHORIZATION",
            "AUTHORIZATION_CONFIRM_DELETE_MESSAGE", "AUTHORIZATION_ALLOW", "AUTHORIZATION_DENY", "AUTHORIZATION_GLOBAL",
            "AUTHORIZATION_USER_GROUP", "AUTHORIZATION_RESOURCE_ID");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void tasklistAndWelcomeHaveEveryKeyInJapanese(String app) {
        Set<String> missing = new TreeSet<>(labels(english(app)).keySet());
        missing.removeAll(labels(japanese(app)).keySet());
        assertTrue(missing.isEmpty(), app + "/locales/ja.json lacks " + missing.size() + " keys of Camunda's en.json: "
                + missing);
    }

    @Test
    void cockpitAndAdminHaveTheKeysOfTheirMainScreens() {
        List<String> missing = new ArrayList<>();
        missing.addAll(absent("cockpit", COCKPIT_MUST_HAVE));
        missing.addAll(absent("admin", ADMIN_MUST_HAVE));
        assertTrue(missing.isEmpty(), "keys the Japanese files must have: " + missing);
    }

    @Test
    void noKeyCamundaDoesNotHave() {
        List<String> stale = new ArrayList<>();
        for (String app : APPS) {
            Set<String> keys = new TreeSet<>(labels(japanese(app)).keySet());
            keys.removeAll(labels(english(app)).keySet());
            keys.forEach(key -> stale.add(app + ": " + key));
        }
        assertTrue(stale.isEmpty(), "keys in ja.json that Camunda 7.24's en.json does not have (stale): " + stale);
    }

    @Test
    void placeholdersAndHtmlAreKept() {
        List<String> changed = new ArrayList<>();
        for (String app : APPS) {
            Map<String, String> english = labels(english(app));
            labels(japanese(app)).forEach((key, value) -> {
                String original = english.get(key);
                if (original == null) {
                    return;
                }
                if (!all(PLACEHOLDER, original).equals(all(PLACEHOLDER, value))) {
                    changed.add(app + ": " + key + " placeholders " + all(PLACEHOLDER, original) + " became "
                            + all(PLACEHOLDER, value));
                }
                if (!all(TAG, original).equals(all(TAG, value))) {
                    changed.add(app + ": " + key + " HTML " + all(TAG, original) + " became " + all(TAG, value));
                }
            });
        }
        assertTrue(changed.isEmpty(), "translations that lose or change a placeholder or HTML: " + changed);
    }

    @Test
    void everyValueIsTranslated() {
        List<String> untranslated = new ArrayList<>();
        for (String app : APPS) {
            Map<String, String> english = labels(english(app));
            labels(japanese(app)).forEach((key, value) -> {
                String original = english.getOrDefault(key, "");
                // A bare plural ending ("instance" + "s") has no Japanese counterpart: empty is right.
                if (value.isBlank() && !original.isBlank() && !original.strip().equals("s")) {
                    untranslated.add(app + ": " + key + " is empty");
                } else if (value.strip().equals(original.strip()) && LETTER.matcher(original).find()
                        && !SAME_IN_JAPANESE.contains(original.strip())) {
                    untranslated.add(app + ": " + key + " is still English: " + original);
                }
            });
        }
        assertTrue(untranslated.isEmpty(), "values not translated: " + untranslated);
    }

    @Test
    void japaneseDatesWhereCamundaHasDates() {
        for (String app : APPS) {
            assertEquals(english(app).has("dateLocales"), japanese(app).has("dateLocales"),
                    app + "/locales/ja.json: dateLocales (month and day names for the dates) like en.json");
        }
    }

    @Test
    void everyConfigListsJapanese() {
        Pattern available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]");
        Pattern fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"]en['\"]");
        Pattern languageScript = Pattern.compile("customScripts\\s*:\\s*\\[[^]]*coopdesk-language");
        List<String> wrong = new ArrayList<>();
        for (String app : APPS) {
            String config = text(ours(APP + app + "/scripts/config.js"));
            Matcher locales = available.matcher(config);
            if (!locales.find() || !locales.group(1).matches(".*['\"]ja['\"].*") || !locales.group(1).matches(".*['\"]en['\"].*")) {
                wrong.add(app + ": availableLocales without 'en' and 'ja'");
            }
            if (!fallback.matcher(config).find()) {
                wrong.add(app + ": fallbackLocale is not 'en'");
            }
            if (!languageScript.matcher(config).find()) {
                wrong.add(app + ": customScripts without the language script");
            }
        }
        assertTrue(wrong.isEmpty(), "scripts/config.js: " + wrong);
    }

    private static List<String> absent(String app, Set<String> keys) {
        Map<String, String> japanese = labels(japanese(app));
        return keys.stream().filter(key -> !japanese.containsKey(key)).sorted().map(key -> app + ": " + key).toList();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }

    private static Map<String, String> labels(JsonNode locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = locale.path("labels").fields();
        fields.forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    /** Camunda's English file, from the webjar (not a file of ours with the same path, should there be one). */
    private static JsonNode english(String app) {
        String path = APP + app + "/locales/en.json";
        return json(resources(path).stream().filter(url -> url.toString().contains(WEBJAR)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not in Camunda's webjar on the classpath")));
    }

    private static JsonNode japanese(String app) {
        return json(ours(APP + app + "/locales/ja.json"));
    }

    /** Our file of that path: the first on the classpath that is not in Camunda's webjar. */
    private static URL ours(String path) {
        return resources(path).stream().filter(url -> !url.toString().contains(WEBJAR)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is missing from the application's resources"));
    }

    private static List<URL> resources(String path) {
        try {
            return Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(URL url) {
        try {
            return JSON.readTree(text(url));
        } catch (IOException e) {
            throw new AssertionError(url + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The file's text, without the byte order mark Camunda's locale files start with. */
    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
