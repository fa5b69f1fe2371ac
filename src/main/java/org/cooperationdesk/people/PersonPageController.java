package org.cooperationdesk.people;

import java.util.List;

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

/**
 * The office's pages of people: everyone it met, found by name or e-mail, and one person's page across roles and
 * years: the roster, the courses they were nominated for, the meetings they were a delegate to, their missions.
 */
@DeskPage
class PersonPageController {

    private final PersonSearch search;
    private final ExpertSearch experts;
    private final RecordDocuments documents;
    private final Viewer viewer;

    PersonPageController(PersonSearch search, ExpertSearch experts, RecordDocuments documents, Viewer viewer) {
        this.search = search;
        this.experts = experts;
        this.documents = documents;
        this.viewer = viewer;
    }

    @GetMapping("/desk/people")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) PersonSearch.Role role,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        SortOrder order = PersonSearch.SORTING.order(sort, dir);
        PersonSearch.Filter filter = new PersonSearch.Filter(q, role);
        model.addAttribute("list", ListView.of(search.find(filter, order, ResultPage.number(page)), order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("roles", PersonSearch.Role.values());
        return "people/personList";
    }

    @GetMapping("/desk/people/{id}")
    String show(@PathVariable long id, Model model) {
        viewer.requireOffice();
        PersonSearch.Person person = search.person(id)
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.person", String.valueOf(id)));
        boolean documents = viewer.seesIdentityDocuments();
        model.addAttribute("person", person);
        model.addAttribute("nominations", search.nominations(id).stream()
                .map(n -> documents ? n : n.withoutIdentityDocuments()).toList());
        model.addAttribute("delegations", search.delegations(id).stream()
                .map(d -> documents ? d : d.withoutIdentityDocuments()).toList());
        model.addAttribute("missions", person.expert() ? experts.missions(id) : List.of());
        model.addAttribute("documents", this.documents.ofPerson(id));
        return "people/personDetails";
    }
}
