package org.cooperationdesk.notification;

import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.StaffLanguages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The office's own people as Camunda Admin knows them: whom to mail for a group. */
@Component
public class OfficeDirectory {

    private final IdentityService identityService;
    private final String officeAddress;
    private final StaffLanguages languages;

    public OfficeDirectory(IdentityService identityService, @Value("${coopdesk.notification.office-address}") String officeAddress,
                           StaffLanguages languages) {
        this.identityService = identityService;
        this.officeAddress = officeAddress;
        this.languages = languages;
    }

    /**
     * A group's members' e-mail addresses by the language each reads ({@link StaffLanguages}), sorted within each
     * language, the languages in the order of {@link Language}; the office's address in the office's default language
     * when no member has an address.
     */
    public Map<Language, List<String>> emailsByLanguage(String groupId) {
        Map<Language, List<String>> byLanguage = new LinkedHashMap<>();
        identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .sorted(java.util.Comparator.comparing(User::getEmail))
                .forEach(user -> byLanguage.computeIfAbsent(languages.of(user.getId()), l -> new java.util.ArrayList<>())
                        .add(user.getEmail()));
        if (byLanguage.isEmpty()) {
            return Map.of(languages.officeDefault(), List.of(officeAddress));
        }
        Map<Language, List<String>> ordered = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            if (byLanguage.containsKey(language)) {
                ordered.put(language, List.copyOf(byLanguage.get(language)));
            }
        }
        return ordered;
    }

    /** The language a member of staff reads their mails in. */
    public Language languageOf(String userId) {
        return languages.of(userId);
    }

    /** A person's e-mail address as Admin holds it, if any. */
    public java.util.Optional<String> emailOf(String userId) {
        if (userId == null) {
            return java.util.Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? java.util.Optional.empty() : java.util.Optional.of(user.getEmail());
    }

    /** A person's name as Admin holds it ("Haruka Sato"), or the user id when Admin has none. */
    public String nameOf(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    /** The user's first and last name as Admin holds them, or the user id when Admin has neither. */
    public static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
