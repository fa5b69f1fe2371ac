package org.cooperationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.cooperationdesk.notification.NotificationComposer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The conventions every model in processes/ and every form in forms/ follows, checked against the files the
 * application deploys and the beans it actually has: a model that breaks one fails here, not at run time.
 */
@SpringBootTest(properties = { // mock web environment, no server: the REST starter needs a servlet context
        "spring.datasource.url=jdbc:h2:mem:model-conventions-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false"
})
class ModelConventionsTest {

    /** What the Camunda Modeler generates (Activity_0x3k1ab, Flow_1abc2de, Gateway_0pq9rst...). */
    private static final Pattern GENERATED_ID = Pattern.compile("_[0-9a-z]{7}$");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    private static final Pattern NAMED_ID = Pattern.compile("^[A-Za-z]+_[A-Z][A-Za-z_]*$");

    private static final Map<String, BpmnModelInstance> MODELS = new LinkedHashMap<>();
    private static final Map<String, String> FORM_IDS = new LinkedHashMap<>();
    /** Per form id: its required fields whose options come from a process variable, field key to variable. */
    private static final Map<String, Map<String, String>> REQUIRED_CHOICES_FROM_VARIABLES = new LinkedHashMap<>();
    private static final Set<String> DECISION_IDS = new HashSet<>();
    /**
     * Sources of records the office's own work creates, empty until it does (no contribution runs in a fresh
     * installation): only optional fields may take their options from them.
     */
    private static final Set<String> SOURCES_FILLED_BY_THE_OFFICES_WORK = Set.of("programmes");

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readModelsAndForms() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                MODELS.put(baseName(resource, ".bpmn"), Bpmn.readModelFromStream(in));
            }
        }
        for (Resource resource : resolver.getResources("classpath*:processes/**/*.dmn")) {
            try (InputStream in = resource.getInputStream()) {
                DmnModelInstance dmn = Dmn.readModelFromStream(in);
                dmn.getModelElementsByType(Decision.class).forEach(decision -> DECISION_IDS.add(decision.getId()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Resource resource : resolver.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode form = json.readTree(in);
                FORM_IDS.put(baseName(resource, ".form"), form.path("id").asText());
                Map<String, String> choices = new LinkedHashMap<>();
                collectRequiredChoicesFromVariables(form.path("components"), choices);
                REQUIRED_CHOICES_FROM_VARIABLES.put(form.path("id").asText(), choices);
            }
        }
        assertThat(MODELS).as("models in processes/").isNotEmpty();
        assertThat(FORM_IDS).as("forms in forms/").isNotEmpty();
    }

    /**
     * A choice of records (countries, organisations, currencies) names a source the application has, and the source
     * offers options in a fresh installation (or the field is optional and its records come with the office's work);
     * any other choice lists its options in the form or in a variable.
     */
    @Test
    void everyChoiceFieldOffersOptions() {
        org.cooperationdesk.form.FormCatalog catalog = context.getBean(org.cooperationdesk.form.FormCatalog.class);
        org.cooperationdesk.form.FormOptions options = context.getBean(org.cooperationdesk.form.FormOptions.class);
        Set<String> choiceTypes = Set.of("select", "radio", "checklist", "taglist");
        int fromRecords = 0;
        for (String formId : FORM_IDS.values()) {
            for (org.cooperationdesk.form.FormCatalog.FormInput input : catalog.inputs(formId).values()) {
                String where = formId + "/" + input.key();
                String source = input.field().optionsSource();
                if (source != null) {
                    fromRecords++;
                    assertThat(options.knows(source)).as("%s: option source %s exists", where, source).isTrue();
                    if (SOURCES_FILLED_BY_THE_OFFICES_WORK.contains(source)) {
                        assertThat(input.field().required()).as("%s: optional (%s may offer nothing yet)", where, source)
                                .isFalse();
                    } else {
                        assertThat(options.options(source)).as("%s: %s offers options", where, source).isNotEmpty();
                    }
                    assertThat(input.field().options()).as("%s: no options frozen in the form file", where).isEmpty();
                } else if (choiceTypes.contains(input.field().type()) && input.valuesKey() == null) {
                    assertThat(input.field().options()).as("%s: options in the form", where).isNotEmpty();
                }
            }
        }
        assertThat(fromRecords).as("fields whose options are records").isGreaterThan(10);
    }

    @Test
    void everyFormsIdIsItsFileName() {
        FORM_IDS.forEach((file, id) -> assertThat(id).as("id in forms/%s.form", file).isEqualTo(file));
    }

    @Nested
    class Processes {

        @Test
        void eachFileHoldsOneExecutableProcessNamedLikeTheFile() {
            MODELS.forEach((file, model) -> {
                Collection<Process> processes = model.getModelElementsByType(Process.class);
                assertThat(processes).as("processes in %s.bpmn", file).hasSize(1);
                Process process = processes.iterator().next();
                assertThat(process.getId()).as("process id in %s.bpmn", file).isEqualTo(file);
                assertThat(process.isExecutable()).as("%s is executable", file).isTrue();
            });
        }

        @Test
        void eachProcessHasAHistoryTimeToLiveAndAVersionTag() {
            forEachElement(Process.class, (file, process) -> {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", file).isNotBlank();
                assertThat(Integer.parseInt(process.getCamundaHistoryTimeToLiveString())).isPositive();
                assertThat(process.getCamundaVersionTag()).as("%s versionTag", file).isNotBlank();
            });
        }
    }

    @Nested
    class Forms {

        @Test
        void everyUserTaskHasADeployedFormAndCandidateGroups() {
            forEachElement(UserTask.class, (file, task) -> {
                String where = file + "/" + task.getId();
                assertThat(task.getCamundaFormRef()).as("%s formRef", where).isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).as("%s formRefBinding", where).isEqualTo("deployment");
                assertThat(FORM_IDS.values()).as("%s: a form with id %s in forms/", where, task.getCamundaFormRef())
                        .contains(task.getCamundaFormRef());
                assertThat(task.getCamundaFormKey()).as("%s uses formRef, not a formKey", where).isNull();
                assertThat(task.getCamundaCandidateGroups()).as("%s candidateGroups", where).isNotBlank();
            });
        }

        @Test
        void noFormRequiresAChoiceFromAnEmptyList() {
            List<String> unguarded = new ArrayList<>();
            forEachElement(UserTask.class, (file, task) -> REQUIRED_CHOICES_FROM_VARIABLES
                    .getOrDefault(task.getCamundaFormRef(), Map.of())
                    .forEach((field, variable) -> EmptyChoiceGuard.unguardedPaths(task, variable).forEach(from ->
                            unguarded.add("%s/%s: required field '%s' lists '%s', reached from %s without a gateway that "
                                    .formatted(file, task.getId(), field, variable, from)
                                    + "routes an empty '" + variable + "' elsewhere"))));
            assertThat(unguarded).isEmpty();
        }

        /**
         * A task that a timer watches (a reminder, an escalation, a lapse) has a deadline: Tasklist shows it as the
         * task's due date, on the card and in the list's sorting, instead of leaving it to the timer alone.
         */
        @Test
        void everyUserTaskATimerWatchesHasADueDate() {
            forEachElement(BoundaryEvent.class, (file, boundary) -> {
                if (boundary.getAttachedTo() instanceof UserTask task && !boundary.getEventDefinitions().isEmpty()
                        && boundary.getEventDefinitions().iterator().next()
                                instanceof org.camunda.bpm.model.bpmn.instance.TimerEventDefinition) {
                    assertThat(task.getCamundaDueDate()).as("%s/%s dueDate (watched by %s)", file, task.getId(),
                            boundary.getId()).isNotBlank();
                }
            });
        }

        @Test
        void everyStartFormIsADeployedForm() {
            forEachElement(StartEvent.class, (file, start) -> {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRefBinding()).as("%s/%s formRefBinding", file, start.getId())
                            .isEqualTo("deployment");
                    assertThat(FORM_IDS.values()).contains(start.getCamundaFormRef());
                }
            });
        }
    }

    @Nested
    class Delegates {

        @Test
        void everyServiceTaskCallsAnExistingDelegateBean() {
            forEachElement(ServiceTask.class, (file, task) -> {
                String where = file + "/" + task.getId();
                assertThat(task.getCamundaClass()).as("%s uses a delegate bean, not a class", where).isNull();
                assertThat(task.getCamundaExpression()).as("%s uses a delegate bean, not an expression", where).isNull();
                String bean = beanOf(task.getCamundaDelegateExpression(), where);
                assertThat(context.containsBean(bean)).as("%s: bean %s exists", where, bean).isTrue();
                assertThat(JavaDelegate.class.isAssignableFrom(context.getType(bean)))
                        .as("%s: bean %s is a JavaDelegate", where, bean).isTrue();
            });
        }

        @Test
        void everyListenerCallsAnExistingListenerBean() {
            forEachElement(CamundaTaskListener.class, (file, listener) -> {
                String bean = beanOf(listener.getCamundaDelegateExpression(), file + " task listener");
                assertThat(context.containsBean(bean)).as("%s: bean %s exists", file, bean).isTrue();
                assertThat(TaskListener.class.isAssignableFrom(context.getType(bean))).as("%s is a TaskListener", bean)
                        .isTrue();
            });
            forEachElement(CamundaExecutionListener.class, (file, listener) -> {
                String bean = beanOf(listener.getCamundaDelegateExpression(), file + " execution listener");
                assertThat(context.containsBean(bean)).as("%s: bean %s exists", file, bean).isTrue();
                assertThat(ExecutionListener.class.isAssignableFrom(context.getType(bean)))
                        .as("%s is an ExecutionListener", bean).isTrue();
            });
        }

        @Test
        void everyBusinessRuleTaskCallsADeployedDecision() {
            forEachElement(BusinessRuleTask.class, (file, task) -> {
                assertThat(DECISION_IDS).as("%s/%s decisionRef", file, task.getId()).contains(task.getCamundaDecisionRef());
                assertThat(task.getCamundaDecisionRefBinding()).isEqualTo("deployment");
            });
        }

        @Test
        void everyMailStepIsAsynchronousAndHasAnExistingTemplate() {
            Set<String> composed = context.getBeansOfType(NotificationComposer.class).values().stream()
                    .flatMap(composer -> composer.templates().stream()).collect(Collectors.toSet());
            List<String> mailSteps = new ArrayList<>();
            forEachElement(ServiceTask.class, (file, task) -> {
                if (!"${sendNotificationDelegate}".equals(task.getCamundaDelegateExpression())) {
                    return;
                }
                String where = file + "/" + task.getId();
                mailSteps.add(where);
                // A multi-instance mail step is asynchronous per recipient: the flag sits on its loop characteristics.
                boolean asyncPerInstance = task.getLoopCharacteristics()
                        instanceof org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics loop
                        && loop.isCamundaAsyncBefore();
                assertThat(task.isCamundaAsyncBefore() || asyncPerInstance).as("%s is asyncBefore", where).isTrue();
                String template = templateOf(task);
                assertThat(template).as("%s has an input parameter 'template'", where).isNotBlank();
                assertThat(new ClassPathResource("mail/en/" + template + ".txt").exists())
                        .as("%s: src/main/resources/mail/en/%s.txt exists", where, template).isTrue();
                assertThat(composed).as("%s: a NotificationComposer words %s", where, template).contains(template);
            });
            assertThat(mailSteps).isNotEmpty();
        }

        private String templateOf(ServiceTask task) {
            if (task.getExtensionElements() == null) {
                return null;
            }
            return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                    .flatMap(io -> io.getCamundaInputParameters().stream())
                    .filter(parameter -> "template".equals(parameter.getCamundaName()))
                    .map(CamundaInputParameter::getTextContent)
                    .map(String::trim)
                    .findFirst().orElse(null);
        }

        private static String beanOf(String delegateExpression, String where) {
            assertThat(delegateExpression).as("%s delegateExpression", where).isNotNull();
            Matcher matcher = DELEGATE_EXPRESSION.matcher(delegateExpression);
            assertThat(matcher.matches()).as("%s: %s names one bean as ${name}", where, delegateExpression).isTrue();
            return matcher.group(1);
        }
    }

    @Nested
    class Ids {

        @Test
        void noIdIsOneTheModelerGenerated() {
            MODELS.forEach((file, model) -> {
                List<String> ids = new ArrayList<>();
                collectIds(model.getDocument().getRootElement(), ids);
                assertThat(ids).as("ids in %s.bpmn", file).isNotEmpty()
                        .noneMatch(id -> GENERATED_ID.matcher(id).find());
            });
        }

        @Test
        void everyElementIdStartsWithItsKindAndSaysWhatItIs() {
            for (Class<? extends BaseElement> type : List.of(FlowElement.class, Message.class, Error.class, Signal.class)) {
                forEachElement(type, (file, element) -> {
                    String id = element.getId();
                    assertThat(id).as("%s: %s", file, id).matches(NAMED_ID);
                    assertThat(id).as("%s: %s is a %s", file, id, element.getElementType().getTypeName())
                            .startsWith(expectedPrefix(element) + "_");
                });
            }
        }

        private static String expectedPrefix(BaseElement element) {
            if (element instanceof StartEvent) {
                return "StartEvent";
            }
            if (element instanceof EndEvent) {
                return "EndEvent";
            }
            if (element instanceof BoundaryEvent) {
                return "BoundaryEvent";
            }
            if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent) {
                return "IntermediateEvent";
            }
            if (element instanceof SubProcess) {
                return "SubProcess";
            }
            if (element instanceof Task) {
                return "Task";
            }
            if (element instanceof Gateway) {
                return "Gateway";
            }
            if (element instanceof SequenceFlow) {
                return "SequenceFlow";
            }
            if (element instanceof Message) {
                return "Message";
            }
            if (element instanceof Error) {
                return "Error";
            }
            if (element instanceof Signal) {
                return "Signal";
            }
            return element.getElementType().getTypeName();
        }

        private static void collectIds(DomElement element, List<String> ids) {
            String id = element.getAttribute("id");
            if (id != null) {
                ids.add(id);
            }
            element.getChildElements().forEach(child -> collectIds(child, ids));
        }
    }

    @Nested
    class Diagram {

        @Test
        void everyFlowNodeHasAShape() {
            MODELS.forEach((file, model) -> {
                Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
                        .filter(shape -> shape.getBpmnElement() != null)
                        .map(shape -> shape.getBpmnElement().getId())
                        .collect(Collectors.toSet());
                Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream()
                        .map(FlowNode::getId).collect(Collectors.toSet());
                assertThat(shaped).as("flow nodes with a BPMNShape in %s.bpmn", file).containsAll(nodes);
            });
        }

        @Test
        void everySequenceFlowHasAnEdge() {
            MODELS.forEach((file, model) -> {
                Set<String> drawn = model.getModelElementsByType(BpmnEdge.class).stream()
                        .filter(edge -> edge.getBpmnElement() != null)
                        .map(edge -> edge.getBpmnElement().getId())
                        .collect(Collectors.toSet());
                Set<String> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(SequenceFlow::getId).collect(Collectors.toSet());
                assertThat(drawn).as("sequence flows with a BPMNEdge in %s.bpmn", file).containsAll(flows);
            });
        }
    }

    // ---- helpers ----

    private interface ElementCheck<T> {
        void check(String file, T element);
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> void forEachElement(
            Class<T> type, ElementCheck<T> check) {
        MODELS.forEach((file, model) -> model.getModelElementsByType(type).forEach(element -> check.check(file, element)));
    }

    private static void collectRequiredChoicesFromVariables(JsonNode components, Map<String, String> choices) {
        for (JsonNode component : components) {
            collectRequiredChoicesFromVariables(component.path("components"), choices);
            if (component.hasNonNull("valuesKey") && component.path("validate").path("required").asBoolean(false)) {
                choices.put(component.path("key").asText(), component.path("valuesKey").asText());
            }
        }
    }

    private static String baseName(Resource resource, String extension) {
        String name = resource.getFilename();
        if (name == null || !name.endsWith(extension)) {
            throw new UncheckedIOException(new IOException("Unexpected resource " + resource));
        }
        return name.substring(0, name.length() - extension.length());
    }
}
