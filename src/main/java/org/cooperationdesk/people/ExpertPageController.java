package org.cooperationdesk.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.ListView;
import org.cooperationdesk.desk.RecordDocuments;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Viewer;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's pages of the roster: the experts, and an expert's page with their missions. */
@DeskPage
class ExpertPageController {

    /** clearance=due: medical clearance expired, missing, or expiring within 90 days. */
    static final String CLEARANCE_DUE = "due";

    private final ExpertSearch search;
    private final ExpertRoster roster;
    private final RecordDocuments documents;
    private final Viewer viewer;
    private final Clock clock;

    ExpertPageController(ExpertSearch search, ExpertRoster roster, RecordDocuments documents, Viewer viewer, Clock clock) {
        this.search = search;
        this.roster = roster;
        this.documents = documents;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/desk/experts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Availability availability,
                @RequestParam(required = false) String language, @RequestParam(required = false) String clearance,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        if (clearance != null && !clearance.isBlank() && !clearance.equals(CLEARANCE_DUE)) {
            throw DeskRefusal.badRequest("error.badRequest.parameter", "clearance", clearance);
        }
        SortOrder order = ExpertSearch.SORTING.order(sort, dir);
        ExpertSearch.Filter filter = new ExpertSearch.Filter(q, availability,
                language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT),
                CLEARANCE_DUE.equals(clearance));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("list", ListView.of(search.find(filter, order, ResultPage.number(page), today), order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("languages", search.languages());
        model.addAttribute("warningDays", ExpertSearch.CLEARANCE_WARNING_DAYS);
        return "people/expertList";
    }

    @GetMapping("/desk/experts/{id}")
    String show(@PathVariable long id, Model model) {
        viewer.requireOffice();
        Expert expert = roster.find(id).orElseThrow(() -> DeskRefusal.notFound("error.notFound.expert", String.valueOf(id)));
        model.addAttribute("expert", expert);
        model.addAttribute("clearance", search.clearance(expert, LocalDate.now(clock)));
        model.addAttribute("missions", search.missions(id));
        model.addAttribute("documents", documents.ofPerson(id));
        model.addAttribute("warningDays", ExpertSearch.CLEARANCE_WARNING_DAYS);
        return "people/expertDetails";
    }
}
