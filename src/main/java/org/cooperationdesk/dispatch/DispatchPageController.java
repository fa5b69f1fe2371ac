package org.cooperationdesk.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.ListView;
import org.cooperationdesk.desk.Parameters;
import org.cooperationdesk.desk.RecordTrail;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Viewer;
import org.cooperationdesk.partner.PartnerSearch;
import org.cooperationdesk.people.Expert;
import org.cooperationdesk.people.ExpertRoster;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's pages of requests for experts and their dispatches: the list, and a request's page. */
@DeskPage
class DispatchPageController {

    /** A dispatch of the request with its expert's name (null when the expert left the roster). */
    record DispatchLine(Dispatch dispatch, String expertName) {
    }

    private final DispatchSearch search;
    private final DispatchRecords records;
    private final ExpertRoster roster;
    private final PartnerSearch partners;
    private final Programmes programmes;
    private final RecordTrail trail;
    private final Viewer viewer;
    private final Clock clock;

    DispatchPageController(DispatchSearch search, DispatchRecords records, ExpertRoster roster, PartnerSearch partners,
                           Programmes programmes, RecordTrail trail, Viewer viewer, Clock clock) {
        this.search = search;
        this.records = records;
        this.roster = roster;
        this.partners = partners;
        this.programmes = programmes;
        this.trail = trail;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/desk/dispatches")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) RequestStatus status,
                @RequestParam(required = false) String country, @RequestParam(required = false) String body,
                @RequestParam(defaultValue = "false") boolean deployed, @RequestParam(defaultValue = "false") boolean open,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        SortOrder order = DispatchSearch.SORTING.order(sort, dir);
        DispatchSearch.Filter filter = new DispatchSearch.Filter(q, status, Parameters.code(country, "country"),
                Parameters.code(body, "body"),
                deployed, open);
        ResultPage<DispatchSearch.Row> rows = search.find(filter, order, ResultPage.number(page), LocalDate.now(clock));
        model.addAttribute("list", ListView.of(rows, order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("countries", search.countries());
        model.addAttribute("bodies", search.bodies());
        return "dispatch/dispatchList";
    }

    @GetMapping("/desk/dispatches/{reference}")
    String show(@PathVariable String reference, Model model) {
        viewer.requireOffice();
        DispatchRequest request = records.requestByReference(reference)
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.request", reference));
        List<DispatchLine> dispatches = records.dispatchesOf(request.id()).stream()
                .map(dispatch -> new DispatchLine(dispatch, roster.find(dispatch.expertId()).map(Expert::fullName).orElse(null)))
                .toList();
        model.addAttribute("request", request);
        model.addAttribute("country", partners.countryName(request.countryCode()));
        model.addAttribute("body", partners.organisationName(request.requestingBody()));
        model.addAttribute("programme", programmes.referenceOf(request.contributionId()).orElse(null));
        model.addAttribute("dispatches", dispatches);
        model.addAttribute("situationReports", records.situationReportsOf(request.id()));
        model.addAttribute("missionReports", records.missionReportsOf(request.id()));
        model.addAttribute("trail", trail.of(DispatchService.SUBJECT_TYPE, reference));
        return "dispatch/dispatchDetails";
    }
}
