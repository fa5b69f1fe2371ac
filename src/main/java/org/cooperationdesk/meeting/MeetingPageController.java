package org.cooperationdesk.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.cooperationdesk.contribution.Programmes;
import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.ListView;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.Parameters;
import org.cooperationdesk.desk.RecordTrail;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Viewer;
import org.cooperationdesk.partner.PartnerSearch;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's pages of meetings: the list, and a meeting's page with each government's answer and every delegate
 * with their attendance.
 */
@DeskPage
class MeetingPageController {

    /** A government invited, its answer and the reason it gave. */
    record Answer(LocalName country, InvitationStatus status, String reason) {
    }

    private final MeetingSearch search;
    private final MeetingRecords records;
    private final PartnerSearch partners;
    private final Programmes programmes;
    private final RecordTrail trail;
    private final Viewer viewer;
    private final Clock clock;

    MeetingPageController(MeetingSearch search, MeetingRecords records, PartnerSearch partners, Programmes programmes,
                          RecordTrail trail, Viewer viewer, Clock clock) {
        this.search = search;
        this.records = records;
        this.partners = partners;
        this.programmes = programmes;
        this.trail = trail;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/desk/meetings")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) MeetingStatus status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String country, @RequestParam(defaultValue = "false") boolean coming,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        SortOrder order = MeetingSearch.SORTING.order(sort, dir);
        MeetingSearch.Filter filter = new MeetingSearch.Filter(q, status, kind, Parameters.year(year, "year"),
                Parameters.code(country, "country"), coming);
        model.addAttribute("list", ListView.of(search.find(filter, order, ResultPage.number(page), LocalDate.now(clock)),
                order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", MeetingStatus.values());
        model.addAttribute("kinds", search.kinds());
        return "meeting/meetingList";
    }

    @GetMapping("/desk/meetings/{reference}")
    String show(@PathVariable String reference, Model model) {
        viewer.requireOffice();
        Meeting meeting = records.meetingByReference(reference)
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.meeting", reference));
        Map<String, MeetingRecords.Answer> answers = records.answers(meeting.id());
        Map<String, LocalName> names = partners.countryNames(answers.keySet());
        List<Answer> invitations = answers.entrySet().stream()
                .map(answer -> new Answer(names.getOrDefault(answer.getKey(), new LocalName(answer.getKey(), null, null)),
                        answer.getValue().status(), answer.getValue().reason()))
                .sorted(Comparator.comparing(answer -> answer.country().getText()))
                .toList();
        boolean documents = viewer.seesIdentityDocuments();
        model.addAttribute("meeting", meeting);
        model.addAttribute("host", partners.countryName(meeting.hostCountry()));
        model.addAttribute("programme", programmes.referenceOf(meeting.contributionId()).orElse(null));
        model.addAttribute("invitations", invitations);
        model.addAttribute("attendees", search.attendees(meeting.id()).stream()
                .map(a -> documents ? a : a.withoutIdentityDocuments()).toList());
        model.addAttribute("trail", trail.of(MeetingService.SUBJECT_TYPE, reference));
        return "meeting/meetingDetails";
    }
}
