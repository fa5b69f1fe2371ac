package org.cooperationdesk.training;

/** Where a course stands, from its announcement to its closing (column course.status). */
public enum CourseStatus {
    /** Governments may nominate (again, after an extension of the nomination period). */
    OPEN,
    /** The nomination period is over: nominations are screened and the selection prepared. */
    NOMINATIONS_CLOSED,
    SELECTED,
    FOLLOW_UP,
    CLOSED,
    CANCELLED,
    /** Nobody arrived: the course was closed without being held. */
    NOT_HELD
}
