package org.cooperationdesk.people;

/** Where an expert stands on the roster. */
public enum Availability {
    /** Can be offered a mission. */
    AVAILABLE,
    /** Offered, accepted or preparing for a mission: not offered elsewhere. */
    RESERVED,
    /** On a mission. */
    DEPLOYED,
    /** Not on call (leave, other duties). */
    UNAVAILABLE
}
