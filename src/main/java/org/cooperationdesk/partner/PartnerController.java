package org.cooperationdesk.partner;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final PartnerRepository partners;

    PartnerController(PartnerRepository partners) {
        this.partners = partners;
    }

    @GetMapping("/countries")
    List<PartnerRepository.Country> countries() {
        return partners.countries();
    }

    @GetMapping("/organisations")
    List<PartnerRepository.Organisation> organisations() {
        return partners.organisations();
    }
}
