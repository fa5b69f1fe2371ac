package org.cooperationdesk.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names of the processes and their user tasks in the office's other language, as Tasklist shows them: the model
 * ({@code processes/<Process>.bpmn}) names them in English, {@code processes/<Process>_ja.properties} beside it in
 * Japanese, keyed {@code process} for the process and by each user task's id.
 */
@Component
public class ProcessNames {

    static final String PATTERN = "classpath*:processes/**/*_*.properties";
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9]+)_([a-z]{2})\\.properties$");
    /** The process's own name's key in a translation file. */
    public static final String PROCESS = "process";

    private final Map<Language, Map<String, Properties>> byLanguage = new HashMap<>();

    public ProcessNames() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
                Matcher file = FILE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
                if (!file.find()) {
                    continue;
                }
                Language language = Language.ofTag(file.group(2)).orElseThrow(() -> new IllegalStateException(
                        "Names in a language the office does not work in: " + resource));
                Properties names = new Properties();
                try (InputStream in = resource.getInputStream()) {
                    names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                byLanguage.computeIfAbsent(language, any -> new HashMap<>()).put(file.group(1), names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the processes' names", e);
        }
    }

    /** Whether there are names in this language at all (none for English: the models' own). */
    public boolean has(Language language) {
        return byLanguage.containsKey(language);
    }

    /** A process's name in the language, if translated. */
    public Optional<String> process(String processKey, Language language) {
        return name(processKey, PROCESS, language);
    }

    /** A user task's name in the language, if translated. */
    public Optional<String> task(String processKey, String taskDefinitionKey, Language language) {
        return name(processKey, taskDefinitionKey, language);
    }

    private Optional<String> name(String processKey, String key, Language language) {
        Properties names = byLanguage.getOrDefault(language, Map.of()).get(processKey);
        return names == null || key == null ? Optional.empty() : Optional.ofNullable(names.getProperty(key));
    }
}
