package org.cooperationdesk.partner;

/** A partner organisation (WHO, ILO, a partner ministry or institute): its code is what records point to. */
public record Organisation(String code, String name, String nameJa, String kind, String email) {
}
