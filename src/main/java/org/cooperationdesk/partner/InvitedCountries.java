package org.cooperationdesk.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cooperationdesk.form.FormSubmission;
import org.springframework.stereotype.Component;

/**
 * The governments a form invites: a named group at once (ASEAN by default), plus single countries, less the ones
 * left out. One rule for the course announcement and the meeting plan: the result is not empty, a country left out
 * is one the group holds, and the office has a channel to write to each country invited.
 */
@Component
public class InvitedCountries {

    /** The three fields of a form that invites governments. */
    public record Fields(String group, String alsoInvited, String notInvited) {
    }

    public static final Fields FIELDS = new Fields("invitedGroup", "alsoInvited", "notInvited");

    private final PartnerRepository partners;

    public InvitedCountries(PartnerRepository partners) {
        this.partners = partners;
    }

    /** The invited countries' codes, sorted: the group's members and the countries added, less those left out. */
    public List<String> resolve(String groupCode, List<String> alsoInvited, List<String> notInvited) {
        Set<String> invited = new LinkedHashSet<>();
        if (groupCode != null && !groupCode.isBlank()) {
            invited.addAll(partners.group(groupCode)
                    .orElseThrow(() -> new IllegalArgumentException("No group of countries " + groupCode)).members());
        }
        invited.addAll(alsoInvited);
        invited.removeAll(notInvited);
        return invited.stream().sorted().toList();
    }

    /** Refuses the form when the choice invites nobody, leaves out a country the group does not hold, or invites a country without a channel. */
    public void check(FormSubmission form) {
        Fields fields = FIELDS;
        if (form.hasErrorOn(fields.group()) || form.hasErrorOn(fields.alsoInvited()) || form.hasErrorOn(fields.notInvited())) {
            return;
        }
        String group = form.isBlank(fields.group()) ? null : form.text(fields.group());
        List<String> members = group == null ? List.of() : partners.group(group).map(CountryGroup::members).orElse(List.of());
        List<String> outsideGroup = form.list(fields.notInvited()).stream().filter(code -> !members.contains(code)).toList();
        if (!outsideGroup.isEmpty()) {
            form.reject(fields.notInvited(), names(outsideGroup) + (outsideGroup.size() == 1 ? " is" : " are") + " not in "
                    + (group == null ? "a group, since no group is chosen" : partners.group(group).map(CountryGroup::name).orElse(group))
                    + ": only a country of the group can be left out");
            return;
        }
        List<String> invited = resolve(group, form.list(fields.alsoInvited()), form.list(fields.notInvited()));
        if (invited.isEmpty()) {
            form.reject(fields.alsoInvited(), "invite at least one country: choose a group or add countries here");
            return;
        }
        List<String> withoutChannel = new ArrayList<>();
        for (String code : invited) {
            if (partners.channelEmail(code).isEmpty()) {
                withoutChannel.add(code);
            }
        }
        if (!withoutChannel.isEmpty()) {
            form.reject(form.list(fields.alsoInvited()).stream().anyMatch(withoutChannel::contains) ? fields.alsoInvited() : fields.group(),
                    "the office has no channel to write to " + names(withoutChannel)
                            + ": an admin records the embassy or focal point first (PUT /api/partners/countries/"
                            + withoutChannel.get(0) + ")");
        }
    }

    private String names(List<String> codes) {
        List<String> names = codes.stream().map(partners::countryName).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
