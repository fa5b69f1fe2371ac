package org.cooperationdesk.desk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The addresses of Camunda's webapps the pages link to ({@code @webapps} in templates): Tasklist, a task opened in
 * Tasklist, Cockpit, a process instance in Cockpit; under the webapps' configured path.
 */
@Component("webapps")
public class Webapps {

    private final String path;

    Webapps(@Value("${camunda.bpm.webapp.application-path:/camunda}") String path) {
        this.path = path;
    }

    public String getTasklist() {
        return path + "/app/tasklist/default/";
    }

    public String getCockpit() {
        return path + "/app/cockpit/default/";
    }

    public String task(String taskId) {
        return getTasklist() + "#/?task=" + taskId;
    }

    public String processInstance(String processInstanceId) {
        return getCockpit() + "#/process-instance/" + processInstanceId;
    }
}
