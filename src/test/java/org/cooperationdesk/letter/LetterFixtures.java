package org.cooperationdesk.letter;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Letters of every kind as the composers ask for them, with names that test the fonts, and a renderer to make them
 * without Spring (the tests of the letters, and benchmark/LetterMaking).
 */
public final class LetterFixtures {

    public static final LocalDate ISSUED = LocalDate.of(2027, 3, 5);

    public static final Letterhead LETTERHEAD = new Letterhead("Ministry of Health, Labour and Welfare", "Japan",
            "International Cooperation Office, Minister's Secretariat",
            List.of("1-2-2 Kasumigaseki, Chiyoda-ku", "Tokyo 100-8916, Japan"), "+81 3 5253 1111",
            "international-cooperation@mhlw.example", "Tokyo", "Michiko Watanabe",
            "Director, International Cooperation Office",
            new Letterhead.Japanese("厚生労働省", "日本国", "大臣官房国際課", List.of("〒100-8916 東京都千代田区霞が関1-2-2"),
                    "東京", "渡辺 美智子", "大臣官房国際課長"));

    private LetterFixtures() {
    }

    public static LetterRenderer renderer() {
        return renderer("classpath:/templates/letters/", LETTERHEAD);
    }

    static LetterRenderer renderer(String templates, Letterhead letterhead) {
        return new LetterRenderer(new LetterSettings(templates, Duration.ZERO), letterhead, new DefaultResourceLoader(),
                Clock.system(ZoneId.of("Asia/Tokyo")));
    }

    static Map<String, Object> meetingValues() {
        Map<String, Object> values = new HashMap<>();
        values.put("meetingReference", "MT-2027-0004");
        values.put("title", "ASEAN and Japan High Level Officials Meeting on Caring Societies");
        values.put("theme", "Human resources for health and welfare");
        values.put("venue", "Hotel New Otani");
        values.put("hostCountry", "Japan");
        values.put("startDate", LocalDate.of(2027, 9, 6));
        values.put("endDate", LocalDate.of(2027, 9, 8));
        values.put("nominationDeadline", LocalDate.of(2027, 7, 30));
        values.put("delegateQuota", 3);
        values.put("country", "Viet Nam");
        values.put("counterpart", "the Government of Viet Nam");
        return values;
    }

    static LetterRequest noteVerbale() {
        return LetterRequest.of(LetterKind.NOTE_VERBALE, "MT-2027-0004",
                List.of("International cooperation focal point", "Government of Viet Nam"), meetingValues())
                .fileNamedFor("VN");
    }

    record Member(String fullName, String role, String passportNumber) {
    }

    static LetterRequest visaLetter() {
        Map<String, Object> values = meetingValues();
        values.put("members", List.of(new Member("Nguyễn Thị Minh Khai", "Head of delegation", "C1234567"),
                new Member("Đặng Văn Lâm", "Delegate", "C7654321"),
                new Member("佐藤 春香", "Delegate", "TZ0001122")));
        return LetterRequest.of(LetterKind.VISA_SUPPORT_LETTER, "MT-2027-0004",
                List.of("To the consular authorities concerned"), values).fileNamedFor("VN");
    }

    static Map<String, Object> courseValues(String trainee, String country) {
        Map<String, Object> values = new HashMap<>();
        values.put("courseReference", "TC-2027-0002");
        values.put("title", "Training Program of Leaders in Labour Administration");
        values.put("place", "Tokyo");
        values.put("startDate", LocalDate.of(2027, 10, 4));
        values.put("endDate", LocalDate.of(2027, 10, 22));
        values.put("nominationDeadline", LocalDate.of(2027, 6, 30));
        values.put("quotaPerCountry", 2);
        values.put("minExperienceYears", 3);
        values.put("maxAge", 45);
        values.put("language", "english");
        values.put("country", country);
        values.put("counterpart", "the Embassy of the Kingdom of Thailand in Japan");
        if (trainee != null) {
            values.put("traineeName", trainee);
        }
        return values;
    }

    static LetterRequest courseAnnouncement() {
        return LetterRequest.of(LetterKind.COURSE_ANNOUNCEMENT, "TC-2027-0002",
                List.of("Embassy of the Kingdom of Thailand in Japan"), courseValues(null, "Thailand")).fileNamedFor("TH");
    }

    static LetterRequest acceptance() {
        return LetterRequest.of(LetterKind.ACCEPTANCE_LETTER, "TC-2027-0002", List.of("José Müller", "Philippines"),
                courseValues("José Müller", "Philippines")).fileNamedFor("41");
    }

    static LetterRequest regret() {
        Map<String, Object> values = courseValues("Siriporn Chaiyasit", "Thailand");
        values.put("reason", "Not enough years of experience");
        return LetterRequest.of(LetterKind.REGRET_LETTER, "TC-2027-0002", List.of("Siriporn Chaiyasit", "Thailand"),
                values).fileNamedFor("42");
    }

    static LetterRequest certificate() {
        Map<String, Object> values = courseValues("Nguyễn Thị Minh Khai", "Viet Nam");
        values.put("certificateNumber", "TC-2027-0002/07");
        values.put("countryJa", "ベトナム");
        return LetterRequest.of(LetterKind.CERTIFICATE, "TC-2027-0002", List.of("Nguyễn Thị Minh Khai", "Viet Nam"),
                values).numbered("TC-2027-0002/07");
    }

    static LetterRequest deploymentLetter() {
        Map<String, Object> values = new HashMap<>();
        values.put("expertName", "Dr. 佐藤 春香");
        values.put("country", "Cambodia");
        values.put("requestReference", "DR-2027-0011");
        values.put("requesterReference", "GOARN-2027-114");
        values.put("requestingBody", "World Health Organization (GOARN)");
        values.put("purpose", "Avian influenza outbreak response");
        values.put("departureDate", LocalDate.of(2027, 4, 1));
        values.put("plannedReturnDate", LocalDate.of(2027, 4, 28));
        values.put("travelBooking", "NH 817 NRT-PNH, 1 April");
        values.put("insurancePolicy", "TM-2027-55871");
        return LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, "DR-2027-0011", List.of("Dr. 佐藤 春香"), values)
                .fileNamedFor("3");
    }

    /** The deployment letter of an expert who reads Japanese: the Japanese template, names as the records hold them. */
    static LetterRequest deploymentLetterInJapanese() {
        LetterRequest english = deploymentLetter();
        Map<String, Object> values = new HashMap<>(english.values());
        values.put("country", "カンボジア");
        values.put("requestingBody", "世界保健機関（GOARN）");
        return LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, "DR-2027-0011", List.of("山本 直美"), values)
                .in(org.cooperationdesk.language.Language.JA).fileNamedFor("3-ja");
    }

    public static List<LetterRequest> everyKind() {
        return List.of(noteVerbale(), courseAnnouncement(), visaLetter(), acceptance(), regret(), certificate(),
                deploymentLetter());
    }
}
