package org.cooperationdesk.partner;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.ListView;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.Parameters;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Viewer;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's pages of partners: organisations and countries (with the channel the office writes to), and the page
 * of each. Every signed-in user reads them, as the partners API allows.
 */
@DeskPage
class PartnerPageController {

    static final String ORGANISATIONS = "organisations";
    static final String COUNTRIES = "countries";

    private final PartnerSearch search;
    private final PartnerRepository partners;
    private final Viewer viewer;

    PartnerPageController(PartnerSearch search, PartnerRepository partners, Viewer viewer) {
        this.search = search;
        this.partners = partners;
        this.viewer = viewer;
    }

    @GetMapping("/desk/partners")
    String list(@RequestParam(defaultValue = ORGANISATIONS) String show, @RequestParam(required = false) String q,
                @RequestParam(required = false) String group, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String kind,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireSignedIn();
        int number = ResultPage.number(page);
        if (!show.equals(ORGANISATIONS) && !show.equals(COUNTRIES)) {
            throw DeskRefusal.badRequest("error.badRequest.parameter", "show", show);
        }
        model.addAttribute("show", show);
        if (show.equals(COUNTRIES)) {
            SortOrder order = PartnerSearch.COUNTRY_SORTING.order(sort, dir);
            PartnerSearch.CountryFilter filter = new PartnerSearch.CountryFilter(q, Parameters.code(group, "group"),
                    channel(channel));
            model.addAttribute("list", ListView.of(search.countries(filter, order, number), order, request));
            model.addAttribute("filter", filter);
            model.addAttribute("groups", search.groups());
            model.addAttribute("channels", Country.ChannelKind.values());
        } else {
            SortOrder order = PartnerSearch.ORGANISATION_SORTING.order(sort, dir);
            PartnerSearch.OrganisationFilter filter = new PartnerSearch.OrganisationFilter(q, kind);
            model.addAttribute("list", ListView.of(search.organisations(filter, order, number), order, request));
            model.addAttribute("filter", filter);
            model.addAttribute("kinds", search.organisationKinds());
        }
        return "partner/partnerList";
    }

    @GetMapping("/desk/partners/countries/{code}")
    String country(@PathVariable String code, Model model) {
        viewer.requireSignedIn();
        Country country = partners.country(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.country", code));
        model.addAttribute("country", country);
        model.addAttribute("name", new LocalName(country.code(), country.name(), country.nameJa()));
        model.addAttribute("groups", partners.groups().stream().filter(group -> group.members().contains(country.code()))
                .map(group -> new LocalName(group.code(), group.name(), group.nameJa())).toList());
        model.addAttribute("history", partners.history(PartnerChange.Subject.COUNTRY, country.code()));
        model.addAttribute("activity", search.countryActivity(country.code()));
        return "partner/countryDetails";
    }

    @GetMapping("/desk/partners/organisations/{code}")
    String organisation(@PathVariable String code, Model model) {
        viewer.requireSignedIn();
        Organisation organisation = partners.organisation(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.organisation", code));
        model.addAttribute("organisation", organisation);
        model.addAttribute("name", new LocalName(organisation.code(), organisation.name(), organisation.nameJa()));
        model.addAttribute("contacts", partners.contacts(organisation.code()));
        model.addAttribute("history", partners.history(PartnerChange.Subject.ORGANISATION, organisation.code()));
        model.addAttribute("activity", search.organisationActivity(organisation.code()));
        return "partner/organisationDetails";
    }

    /** "none" (no channel recorded) or a channel kind; anything else, a 400 page. */
    private static String channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        if (channel.equals(PartnerSearch.NO_CHANNEL)) {
            return PartnerSearch.NO_CHANNEL;
        }
        try {
            return Country.ChannelKind.valueOf(channel.trim()).name();
        } catch (IllegalArgumentException e) {
            throw DeskRefusal.badRequest("error.badRequest.parameter", "channel", channel);
        }
    }
}
