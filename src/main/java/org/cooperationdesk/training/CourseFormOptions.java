package org.cooperationdesk.training;

import java.util.List;
import java.util.Map;

import org.cooperationdesk.form.FormOptionSource;
import org.cooperationdesk.partner.PartnerRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nominating government on a course's nomination form offers the countries that course invited, not the whole
 * world ({@code "properties": {"options": "courseInvitedCountries"}}). A submission is checked against every country
 * here, and {@link TrainingFormRules} refuses one the course did not invite, naming it.
 */
@Configuration(proxyBeanMethods = false)
class CourseFormOptions {

    @Bean
    FormOptionSource courseInvitedCountryOptions(@Qualifier("countryOptions") FormOptionSource countries,
                                                 CourseRecords records, PartnerRepository partners) {
        return new FormOptionSource() {
            @Override
            public String name() {
                return "courseInvitedCountries";
            }

            @Override
            public List<FormOption> options() {
                return countries.options();
            }

            @Override
            public List<FormOption> options(String processInstanceId) {
                List<String> invited = records.invitedCountriesOfProcessInstance(processInstanceId);
                if (invited.isEmpty()) {
                    return options();
                }
                return partners.countryNames().entrySet().stream().filter(country -> invited.contains(country.getKey()))
                        .map((Map.Entry<String, String> country) -> new FormOption(country.getKey(), country.getValue()))
                        .toList();
            }

            @Override
            public Map<String, String> labels(java.util.Locale locale) {
                return countries.labels(locale);
            }

            @Override
            public String unknown(String value) {
                return countries.unknown(value);
            }
        };
    }
}
