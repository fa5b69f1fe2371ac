package org.cooperationdesk.contribution;

import jakarta.servlet.http.HttpServletRequest;
import org.cooperationdesk.desk.DeskPage;
import org.cooperationdesk.desk.DeskRefusal;
import org.cooperationdesk.desk.ListView;
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
 * The office's pages of contributions: the list, and a contribution's page with its tranches, reports and the work
 * it funds.
 */
@DeskPage
class ContributionPageController {

    private final ContributionSearch search;
    private final ContributionRecords records;
    private final ContributionService contributions;
    private final Programmes programmes;
    private final PartnerSearch partners;
    private final RecordTrail trail;
    private final Viewer viewer;

    ContributionPageController(ContributionSearch search, ContributionRecords records, ContributionService contributions,
                               Programmes programmes, PartnerSearch partners, RecordTrail trail, Viewer viewer) {
        this.search = search;
        this.records = records;
        this.contributions = contributions;
        this.programmes = programmes;
        this.partners = partners;
        this.trail = trail;
        this.viewer = viewer;
    }

    @GetMapping("/desk/contributions")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ContributionStatus status,
                @RequestParam(required = false) String organisation,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        viewer.requireOffice();
        SortOrder order = ContributionSearch.SORTING.order(sort, dir);
        ContributionSearch.Filter filter = new ContributionSearch.Filter(q, status,
                Parameters.code(organisation, "organisation"));
        model.addAttribute("list", ListView.of(search.find(filter, order, ResultPage.number(page)), order, request));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ContributionStatus.values());
        model.addAttribute("organisations", search.organisations());
        return "contribution/contributionList";
    }

    @GetMapping("/desk/contributions/{reference}")
    String show(@PathVariable String reference, Model model) {
        viewer.requireOffice();
        Contribution contribution = records.byReference(reference)
                .orElseThrow(() -> DeskRefusal.notFound("error.notFound.contribution", reference));
        model.addAttribute("contribution", contribution);
        model.addAttribute("organisation", partners.organisationName(contribution.organisationCode()));
        model.addAttribute("recipients", contribution.recipientCountries().stream().map(partners::countryName).toList());
        model.addAttribute("recipientGroup", contribution.recipientGroup() == null ? null
                : partners.groupName(contribution.recipientGroup()));
        model.addAttribute("paid", contributions.paidMoney(contribution));
        model.addAttribute("remaining", contributions.remainingMoney(contribution));
        model.addAttribute("tranches", records.tranches(contribution.id()));
        model.addAttribute("reports", records.reports(contribution.id()));
        model.addAttribute("funded", programmes.fundedBy(contribution.id()));
        model.addAttribute("trail", trail.of(ContributionService.SUBJECT_TYPE, reference));
        return "contribution/contributionDetails";
    }
}
