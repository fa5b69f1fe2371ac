package org.cooperationdesk.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.cooperationdesk.language.Language;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A demo expert roster of 14 people with varied skills, languages and clearances. Demo profile only. */
@Component
@Profile("demo")
class DemoRoster {

    private final ExpertRoster roster;
    private final Clock clock;

    DemoRoster(ExpertRoster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void load() {
        if (roster.count() == 0) {
            loadRoster(LocalDate.now(clock));
        }
    }

    private void loadRoster(LocalDate today) {
        LocalDate twoYears = today.plusYears(2);
        LocalDate oneYear = today.plusYears(1);
        expert("Dr. Aiko Nakamura", "National Institute of Infectious Diseases", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "epidemiology, outbreak investigation, influenza", "english, japanese");
        expert("Dr. Hiroshi Kobayashi", "National Center for Global Health and Medicine", "Japanese", Availability.AVAILABLE,
                twoYears, oneYear, "clinical management, infection prevention and control", "english, japanese, french");
        // Asked for her mails and letters in Japanese.
        expert("Ms. Naomi Yamamoto", "National Institute of Public Health", "Japanese", Availability.AVAILABLE,
                oneYear, oneYear, "laboratory, biosafety, diagnostics", "english, japanese", Language.JA);
        expert("Dr. Somchai Prasert", "Ministry of Public Health secondment", "Thai", Availability.AVAILABLE,
                twoYears, twoYears, "epidemiology, surveillance, data management", "english, thai, lao");
        expert("Mr. Daisuke Kato", "Labour Standards Bureau", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "labour inspection, occupational safety and health", "english, japanese");
        expert("Ms. Emi Yoshida", "Social Welfare Bureau", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "social security, pension administration", "english, japanese, spanish");
        expert("Dr. Nguyen Thi Lan", "National Center for Global Health and Medicine", "Vietnamese", Availability.AVAILABLE,
                oneYear, oneYear, "hiv/aids, public health programme management", "english, vietnamese, french");
        expert("Dr. Kazuo Yamada", "Quarantine Station, Narita", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "points of entry, risk communication", "english, japanese, indonesian");
        expert("Ms. Sakura Inoue", "Health Sciences University", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "logistics, emergency operations", "english, japanese");
        expert("Dr. Maria Santos", "Research Institute for Tropical Medicine", "Filipino", Availability.AVAILABLE,
                twoYears, twoYears, "tuberculosis, laboratory, epidemiology", "english, tagalog");
        expert("Mr. Ryo Matsumoto", "Employment Security Bureau", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "employment services, vocational training", "english, japanese");
        expert("Dr. Yuki Hayashi", "National Institute of Infectious Diseases", "Japanese", Availability.UNAVAILABLE,
                twoYears, twoYears, "epidemiology, field epidemiology training", "english, japanese");
        expert("Dr. Ahmad Rahman", "University of Malaya secondment", "Malaysian", Availability.AVAILABLE,
                today.plusDays(10), today.plusDays(10), "infection prevention and control, clinical management",
                "english, malay");
        expert("Ms. Keiko Shimizu", "Health Policy Bureau", "Japanese", Availability.AVAILABLE,
                twoYears, twoYears, "health financing, universal health coverage", "english, japanese, french");
    }

    private void expert(String name, String affiliation, String nationality, Availability availability,
                        LocalDate medical, LocalDate vaccination, String skills, String languages) {
        expert(name, affiliation, nationality, availability, medical, vaccination, skills, languages, Language.EN);
    }

    private void expert(String name, String affiliation, String nationality, Availability availability,
                        LocalDate medical, LocalDate vaccination, String skills, String languages,
                        Language correspondence) {
        String email = name.replaceAll("^(Dr|Mr|Ms)\\. ", "").toLowerCase().replaceAll("[^a-z]+", ".") + "@experts.example";
        roster.add(name, email, nationality, affiliation, availability, medical, vaccination,
                List.of(skills.split(",\\s*")), List.of(languages.split(",\\s*")), correspondence);
    }
}
