package org.cooperationdesk.system;

/** The office's roles, as Camunda groups. */
public final class Groups {

    public static final String COORDINATORS = "coordinators";
    public static final String MANAGERS = "managers";
    public static final String DIRECTORS = "directors";
    public static final String ADMINS = "camunda-admin";

    private Groups() {
    }
}
