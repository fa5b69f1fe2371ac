package org.cooperationdesk.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.stereotype.Component;

/**
 * The governments a form invites: a named group at once (ASEAN by default on the meeting plan), plus single
 * countries, less the ones left out. One rule for the course announcement and the meeting plan: the result is not
 * empty, a country left out is one the group holds, and the office has a channel to write to each country invited.
 */
@Component
public class InvitedCountries {

    /** The three fields of a form that invites governments (and the process variables they become). */
    public static final String GROUP = "invitedGroup";
    public static final String ALSO_INVITED = "alsoInvited";
    public static final String NOT_INVITED = "notInvited";

    private final PartnerRepository partners;

    public InvitedCountries(PartnerRepository partners) {
        this.partners = partners;
    }

    /** The invited countries' codes, sorted, from the three fields as a form or a process holds them. */
    public List<String> resolve(Function<String, Object> values) {
        Object group = values.apply(GROUP);
        return resolve(group == null || group.toString().isBlank() ? Optional.empty()
                        : Optional.of(partners.group(group.toString())
                                .orElseThrow(() -> new IllegalStateException("No group of countries " + group))),
                FormValues.list(values.apply(ALSO_INVITED)), FormValues.list(values.apply(NOT_INVITED)));
    }

    /** Refuses the form when it invites nobody, leaves out a country the group does not hold, or invites a country without a channel. */
    public void check(FormSubmission form) {
        if (form.hasErrorOn(GROUP) || form.hasErrorOn(ALSO_INVITED) || form.hasErrorOn(NOT_INVITED)) {
            return;
        }
        Optional<CountryGroup> group = form.isBlank(GROUP) ? Optional.empty() : partners.group(form.text(GROUP));
        List<String> members = group.map(CountryGroup::members).orElse(List.of());
        List<String> outsideGroup = form.list(NOT_INVITED).stream().filter(code -> !members.contains(code)).toList();
        if (!outsideGroup.isEmpty()) {
            boolean one = outsideGroup.size() == 1;
            if (group.isPresent()) {
                form.reject(NOT_INVITED, one ? "invitation.notInGroup.one" : "invitation.notInGroup.many", names(outsideGroup),
                        group.get().name());
            } else {
                form.reject(NOT_INVITED, one ? "invitation.noGroup.one" : "invitation.noGroup.many", names(outsideGroup));
            }
            return;
        }
        List<String> invited = resolve(group, form.list(ALSO_INVITED), form.list(NOT_INVITED));
        if (invited.isEmpty()) {
            form.reject(ALSO_INVITED, "invitation.noneInvited");
            return;
        }
        List<String> withoutChannel = new ArrayList<>();
        for (String code : invited) {
            if (partners.channelEmail(code).isEmpty()) {
                withoutChannel.add(code);
            }
        }
        if (!withoutChannel.isEmpty()) {
            form.reject(form.list(ALSO_INVITED).stream().anyMatch(withoutChannel::contains) ? ALSO_INVITED : GROUP,
                    "invitation.noChannel", names(withoutChannel), withoutChannel.get(0));
        }
    }

    private static List<String> resolve(Optional<CountryGroup> group, List<String> alsoInvited, List<String> notInvited) {
        Set<String> invited = new LinkedHashSet<>(group.map(CountryGroup::members).orElse(List.of()));
        invited.addAll(alsoInvited);
        invited.removeAll(notInvited);
        return invited.stream().sorted().toList();
    }

    private String names(List<String> codes) {
        List<String> names = codes.stream().map(partners::countryName).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : ValidationMessages.render("invitation.andMore", String.join(", ", names.subList(0, 5)), names.size() - 5);
    }
}
