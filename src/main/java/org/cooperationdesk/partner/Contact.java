package org.cooperationdesk.partner;

/** A person the office deals with at a partner organisation. A contact who left is kept, inactive. */
public record Contact(long id, String organisationCode, String fullName, String role, String email, String phone,
                      boolean active) {
}
