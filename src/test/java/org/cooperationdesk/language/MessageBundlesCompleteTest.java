package org.cooperationdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every bundle of texts the office's pages, mails and reports read ({@code i18n/X.properties} on the classpath) has
 * its Japanese twin ({@code i18n/X_ja.properties}) and the other way round: the same keys, the same MessageFormat
 * arguments ({0}, {1,number,#}...), no blank text, and no lone apostrophe in a text with arguments (MessageFormat
 * would swallow what follows it). A bundle added later is covered without touching this test.
 */
class MessageBundlesCompleteTest {

    private static final String JAPANESE = "_ja";
    private static final Pattern BUNDLE = Pattern.compile("([A-Za-z0-9-]+?)(_[a-z]{2}(?:_[A-Z]{2})?)?\\.properties");

    @Test
    void everyBundleHasItsJapaneseTwinWithTheSameKeysAndArguments() throws IOException {
        Map<String, Properties> bundles = classpathBundles();

        assertThat(bundles).as("the bundles under i18n/").containsKeys("desk", "desk_ja", "figures", "figures_ja",
                "login", "login_ja");
        assertThat(problems(bundles)).isEmpty();
    }

    @Test
    void shouldFindAKeyMissingInEitherLanguage() {
        Map<String, Properties> bundles = new TreeMap<>();
        bundles.put("pages", properties("a=A\nb=B {0}\n"));
        bundles.put("pages_ja", properties("a=エー\nc=シー\n"));

        assertThat(problems(bundles)).containsExactlyInAnyOrder(
                "i18n/pages_ja.properties lacks b (i18n/pages.properties has it)",
                "i18n/pages.properties lacks c (i18n/pages_ja.properties has it)");
    }

    @Test
    void shouldFindABundleInOneLanguageOnly() {
        Map<String, Properties> bundles = new TreeMap<>();
        bundles.put("english", properties("a=A\n"));
        bundles.put("japanese_ja", properties("a=エー\n"));

        assertThat(problems(bundles)).containsExactlyInAnyOrder(
                "i18n/english.properties has no Japanese twin i18n/english_ja.properties",
                "i18n/japanese_ja.properties has no English twin i18n/japanese.properties");
    }

    @Test
    void shouldFindDifferentArgumentsBlankTextsAndLoneApostrophes() {
        Map<String, Properties> bundles = new TreeMap<>();
        bundles.put("pages", properties("count={0} of {1}\nyear=FY{0,number,#}\nblank=Text\nquote=The office''s {0}\n"
                + "lone=The office's {0}\n"));
        bundles.put("pages_ja", properties("count={0}件\nyear={0,number,#}年度\nblank=  \nquote=事務室の{0}\nlone=事務室の{0}\n"));

        assertThat(problems(bundles)).containsExactlyInAnyOrder(
                "count: i18n/pages.properties has the arguments [0, 1], i18n/pages_ja.properties [0]",
                "blank: blank in i18n/pages_ja.properties",
                "lone: a lone apostrophe in i18n/pages.properties, where MessageFormat needs ''",
                "lone: i18n/pages.properties has the arguments [], i18n/pages_ja.properties [0]");
    }

    @Test
    void shouldReadArgumentsAsMessageFormatDoes() {
        assertThat(arguments("{0} to {1}, {2}.")).containsExactly(0, 1, 2);
        assertThat(arguments("{1,number,integer}か国に{0,number,integer}名")).containsExactly(0, 1);
        assertThat(arguments("The office''s {0}")).containsExactly(0);
        assertThat(arguments("'{0}' is quoted, {1} is not")).containsExactly(1);
        assertThat(arguments("{0,choice,0#none|1#one {1}|1<many}")).containsExactly(0);
        assertThat(arguments("No arguments")).isEmpty();
    }

    // ---------------------------------------------------------------- the check

    /** What is wrong with the bundles (base name with its language suffix, e.g. "desk_ja", to its texts). */
    static List<String> problems(Map<String, Properties> bundles) {
        List<String> problems = new ArrayList<>();
        for (String name : bundles.keySet()) {
            boolean japanese = name.endsWith(JAPANESE);
            String twin = japanese ? name.substring(0, name.length() - JAPANESE.length()) : name + JAPANESE;
            if (!bundles.containsKey(twin)) {
                problems.add(file(name) + (japanese ? " has no English twin " : " has no Japanese twin ") + file(twin));
                continue;
            }
            if (japanese) {
                continue;
            }
            Properties english = bundles.get(name);
            Properties other = bundles.get(twin);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!other.containsKey(key)) {
                    problems.add(file(twin) + " lacks " + key + " (" + file(name) + " has it)");
                }
            }
            for (String key : new TreeSet<>(other.stringPropertyNames())) {
                if (!english.containsKey(key)) {
                    problems.add(file(name) + " lacks " + key + " (" + file(twin) + " has it)");
                }
            }
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!other.containsKey(key)) {
                    continue;
                }
                String englishText = english.getProperty(key);
                String otherText = other.getProperty(key);
                for (String[] text : new String[][] {{name, englishText}, {twin, otherText}}) {
                    if (text[1].isBlank()) {
                        problems.add(key + ": blank in " + file(text[0]));
                    } else if (hasLoneApostropheBeforeArguments(text[1])) {
                        problems.add(key + ": a lone apostrophe in " + file(text[0]) + ", where MessageFormat needs ''");
                    }
                }
                if (!englishText.isBlank() && !otherText.isBlank()
                        && !arguments(englishText).equals(arguments(otherText))) {
                    problems.add(key + ": " + file(name) + " has the arguments " + arguments(englishText) + ", "
                            + file(twin) + " " + arguments(otherText));
                }
            }
        }
        return problems;
    }

    /**
     * The argument indices of a MessageFormat pattern: {0}, {1,number,#}; text between single quotes is literal and
     * '' is an apostrophe. A text without arguments is shown as written (Spring formats only texts given arguments).
     */
    static Set<Integer> arguments(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int end = i + 1;
                while (end < pattern.length() && Character.isDigit(pattern.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    indices.add(Integer.parseInt(pattern.substring(i + 1, end)));
                }
                int depth = 1;
                for (i = end; i < pattern.length() && depth > 0; i++) {
                    depth += pattern.charAt(i) == '{' ? 1 : pattern.charAt(i) == '}' ? -1 : 0;
                }
                i--;
            }
        }
        return indices;
    }

    /** A single apostrophe in a text that has an argument somewhere ("The office's {0}" shows "The offices {0}"). */
    static boolean hasLoneApostropheBeforeArguments(String text) {
        Matcher lone = Pattern.compile("(?<!')'(?!')").matcher(text);
        return text.matches("(?s).*\\{[0-9].*") && lone.find() && text.indexOf('{', lone.start()) >= 0;
    }

    // ---------------------------------------------------------------- reading

    /** Every i18n/*.properties on the classpath, by name without .properties ("desk", "desk_ja"). */
    static Map<String, Properties> classpathBundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Matcher name = BUNDLE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
            if (!name.matches()) {
                continue;
            }
            String suffix = name.group(2) == null ? "" : name.group(2);
            if (!suffix.isEmpty() && !suffix.equals(JAPANESE)) {
                continue; // a language the office does not work in
            }
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            Properties earlier = bundles.putIfAbsent(name.group(1) + suffix, texts);
            if (earlier != null) {
                earlier.putAll(texts);
            }
        }
        return bundles;
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static String file(String name) {
        return "i18n/" + name + ".properties";
    }
}
