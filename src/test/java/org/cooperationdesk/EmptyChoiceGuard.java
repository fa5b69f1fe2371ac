package org.cooperationdesk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * No form may require a choice from an empty list. A user task whose form has a required field with options from
 * a process variable ({@code valuesKey}) is guarded when every path that reaches it crosses a conditional flow out
 * of a deciding gateway (two or more ways out) whose condition names that variable ({@code eligibleNominees} or
 * {@code eligibleNomineesCount}): the model decides what happens when the list is empty before anyone is asked.
 * Walking back from the task, a path that reaches a start event of the process (or of an event subprocess) without
 * crossing such a flow is a way to the task with nothing checked; a path that comes back to the task is a loop.
 */
final class EmptyChoiceGuard {

    private EmptyChoiceGuard() {
    }

    /**
     * The unguarded ways to the task, each described by the element it starts from; empty when every way is guarded.
     */
    static List<String> unguardedPaths(UserTask task, String variable) {
        Pattern mentionsVariable = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable));
        List<String> unguarded = new ArrayList<>();
        Set<FlowNode> visited = new HashSet<>();
        Deque<FlowNode> toVisit = new ArrayDeque<>();
        toVisit.push(task);
        visited.add(task);
        while (!toVisit.isEmpty()) {
            FlowNode node = toVisit.pop();
            List<FlowNode> before = new ArrayList<>();
            for (SequenceFlow flow : node.getIncoming()) {
                if (!isGuard(flow, mentionsVariable)) {
                    before.add(flow.getSource());
                }
            }
            if (node.getIncoming().isEmpty()) {
                FlowNode origin = originOf(node);
                if (origin == null) {
                    unguarded.add(node.getId());
                } else {
                    before.add(origin);
                }
            }
            for (FlowNode previous : before) {
                if (visited.add(previous)) {
                    toVisit.push(previous);
                }
            }
        }
        return unguarded;
    }

    /** Where a token that starts at this node (without incoming flows) came from, or null at a real beginning. */
    private static FlowNode originOf(FlowNode node) {
        if (node instanceof BoundaryEvent boundary) {
            Activity attachedTo = boundary.getAttachedTo();
            return attachedTo;
        }
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess subProcess
                && !subProcess.triggeredByEvent()) {
            return subProcess;
        }
        return null;
    }

    private static boolean isGuard(SequenceFlow flow, Pattern mentionsVariable) {
        ConditionExpression condition = flow.getConditionExpression();
        return condition != null
                && flow.getSource() instanceof Gateway gateway
                && gateway.getOutgoing().size() >= 2
                && mentionsVariable.matcher(condition.getTextContent()).find();
    }
}
