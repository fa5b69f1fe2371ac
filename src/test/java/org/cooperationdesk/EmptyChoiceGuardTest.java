package org.cooperationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The convention check itself, on small models: it must find the unguarded way and accept the guarded ones. */
class EmptyChoiceGuardTest {

    @Test
    void aTaskReachedStraightFromTheStartIsUnguarded() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .serviceTask("Task_Screen").camundaDelegateExpression("${screen}")
                .userTask("Task_Choose").endEvent().done();

        assertThat(EmptyChoiceGuard.unguardedPaths(task(model), "eligibleNominees")).containsExactly("StartEvent_Begun");
    }

    @Test
    void aGatewayThatTestsTheListGuardsTheTaskAndItsLoops() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .exclusiveGateway("Gateway_AnyNominee")
                .condition("Yes", "${eligibleNomineesCount > 0}")
                .exclusiveGateway("Gateway_Loop")
                .userTask("Task_Choose")
                .exclusiveGateway("Gateway_Approved")
                .condition("No", "${!approved}").connectTo("Gateway_Loop")
                .moveToNode("Gateway_Approved").condition("Yes", "${approved}").endEvent()
                .moveToNode("Gateway_AnyNominee").condition("No", "${eligibleNomineesCount == 0}").endEvent()
                .done();

        assertThat(EmptyChoiceGuard.unguardedPaths(task(model), "eligibleNominees")).isEmpty();
    }

    @Test
    void aConditionOnAnotherVariableDoesNotGuard() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .exclusiveGateway("Gateway_Planned")
                .condition("Yes", "${registeredDelegatesCount > 0}")
                .userTask("Task_Choose").endEvent()
                .moveToNode("Gateway_Planned").condition("No", "${registeredDelegatesCount == 0}").endEvent()
                .done();

        assertThat(EmptyChoiceGuard.unguardedPaths(task(model), "eligibleNominees")).containsExactly("StartEvent_Begun");
    }

    @Test
    void aTaskInsideASubProcessIsFollowedBackToTheSubProcessesWay() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .subProcess("SubProcess_Place").embeddedSubProcess()
                .startEvent("StartEvent_PlaceStarted").userTask("Task_Choose").endEvent()
                .subProcessDone().endEvent().done();

        assertThat(EmptyChoiceGuard.unguardedPaths(task(model), "arrivedTrainees")).containsExactly("StartEvent_Begun");
    }

    @Test
    void aWayFromABoundaryEventIsFollowedBackToItsActivity() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .exclusiveGateway("Gateway_AnyTrainee")
                .condition("Yes", "${arrivedTraineesCount > 0}")
                .userTask("Task_Choose").endEvent()
                .moveToNode("Gateway_AnyTrainee").condition("No", "${arrivedTraineesCount == 0}")
                .userTask("Task_Wait").endEvent().done();
        BpmnModelInstance withTimer = Bpmn.createExecutableProcess("P").startEvent("StartEvent_Begun")
                .userTask("Task_Wait").boundaryEvent("BoundaryEvent_Late").timerWithDuration("P1D")
                .userTask("Task_Choose").endEvent()
                .moveToActivity("Task_Wait").endEvent().done();

        assertThat(EmptyChoiceGuard.unguardedPaths(task(model), "arrivedTrainees")).isEmpty();
        assertThat(EmptyChoiceGuard.unguardedPaths(task(withTimer), "arrivedTrainees")).containsExactly("StartEvent_Begun");
    }

    private static UserTask task(BpmnModelInstance model) {
        return model.getModelElementById("Task_Choose");
    }
}
