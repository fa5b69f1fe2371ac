package org.cooperationdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every process and every user task that Tasklist names has its Japanese name beside its model
 * ({@code processes/<Process>_ja.properties}), and no name stands for a task the model no longer has.
 */
class ProcessNamesCompleteTest {

    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everyProcessAndUserTaskIsNamedInJapaneseAndNothingElseIs() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> models = Files.list(PROCESSES)) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                problems.addAll(problemsOf(model));
            }
        }
        assertThat(problems).as("Japanese names of processes and user tasks").isEmpty();
    }

    @Test
    void aMissingNameIsReported() throws Exception {
        Path model = PROCESSES.resolve("ExpertDispatchProcess.bpmn");
        Properties names = names(PROCESSES.resolve("ExpertDispatchProcess_ja.properties"));
        names.remove("Task_BookTravel");
        names.setProperty("Task_Gone", "消えたタスク");

        assertThat(compare(model, Bpmn.readModelFromFile(model.toFile()), names))
                .anyMatch(problem -> problem.contains("Task_BookTravel"))
                .anyMatch(problem -> problem.contains("Task_Gone"));
    }

    private static List<String> problemsOf(Path model) throws Exception {
        String processFile = model.getFileName().toString().replace(".bpmn", "_ja.properties");
        Path translation = PROCESSES.resolve(processFile);
        if (!Files.exists(translation)) {
            return List.of(model + ": no " + processFile);
        }
        return compare(model, Bpmn.readModelFromFile(model.toFile()), names(translation));
    }

    private static List<String> compare(Path model, BpmnModelInstance bpmn, Properties names) {
        Set<String> expected = new TreeSet<>();
        bpmn.getModelElementsByType(Process.class).forEach(process -> expected.add(ProcessNames.PROCESS));
        bpmn.getModelElementsByType(UserTask.class).forEach(task -> expected.add(task.getId()));
        List<String> problems = new ArrayList<>();
        expected.stream().filter(key -> names.getProperty(key) == null || names.getProperty(key).isBlank())
                .forEach(key -> problems.add(model + ": no Japanese name for " + key));
        names.stringPropertyNames().stream().filter(key -> !expected.contains(key)).sorted()
                .forEach(key -> problems.add(model + ": a Japanese name for " + key + ", which the model does not have"));
        return problems;
    }

    private static Properties names(Path file) throws Exception {
        Properties names = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return names;
    }
}
