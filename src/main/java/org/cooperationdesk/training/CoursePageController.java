package org.cooperationdesk.training;

import java.time.Clock;
import java.time.LocalDate;

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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's pages of training courses: the list, and a course's page with its invitations and nominations. */
@DeskPage
class CoursePageController {

    private final CourseSearch search;
    private final CourseRecords records;
    private final Programmes programmes;
    private final RecordTrail trail;
    private final Viewer viewer;
    private final Clock clock;

    CoursePageController(CourseSearch search, CourseRecords records, Programmes programmes, RecordTrail trail,
                         Viewer viewer, Clock clock) {
        this.search = search;
        this.records = records;
        this.programmes = programmes;
        this.trail = trail;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/desk/courses")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CourseStatus status,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String country,
                @RequestParam(defaultValue = "false") boolean coming,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        SortOrder order = CourseSearch.SORTING.order(sort, dir);
        CourseSearch.Filter filter = new CourseSearch.Filter(q, status, Parameters.year(year, "year"),
                Parameters.code(country, "country"), coming);
        model.addAttribute("list", ListView.of(search.find(filter, order, ResultPage.number(page), LocalDate.now(clock)),
                order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CourseStatus.values());
        return "training/courseList";
    }

    @GetMapping("/desk/courses/{reference}")
    String show(@PathVariable String reference, Model model) {
        viewer.requireOffice();
        Course course = records.courseByReference(reference)
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.course", reference));
        boolean documents = viewer.seesIdentityDocuments();
        model.addAttribute("course", course);
        model.addAttribute("programme", programmes.referenceOf(course.contributionId()).orElse(null));
        model.addAttribute("invitations", search.invitations(course.id()));
        model.addAttribute("nominees", search.nominees(course.id()).stream()
                .map(n -> documents ? n : n.withoutIdentityDocuments()).toList());
        model.addAttribute("trail", trail.of(CourseLifecycle.SUBJECT_TYPE, reference));
        return "training/courseDetails";
    }
}
