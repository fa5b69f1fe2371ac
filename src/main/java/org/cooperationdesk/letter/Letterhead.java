package org.cooperationdesk.letter;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * coopdesk.letterhead.*: the ministry as its letters present it. ministry and country make its formal name ("The
 * Ministry of Health, Labour and Welfare of Japan"; coopdesk.iati.ministry-name is built from the same two); office,
 * address lines, telephone and e-mail head the page; place is where letters are signed ("Tokyo"), signatory-name and
 * signatory-title sign them.
 */
@Validated
@ConfigurationProperties("coopdesk.letterhead")
public record Letterhead(@NotBlank String ministry, @NotBlank String country, @NotBlank String office,
                         List<String> address, String telephone, String email, @NotBlank String place,
                         @NotBlank String signatoryName, @NotBlank String signatoryTitle, Japanese ja) {

    /**
     * coopdesk.letterhead.ja.*: the same in Japanese, for the Japanese letters and the Japanese lines of a bilingual one
     * ("厚生労働省", "大臣官房国際課", "東京"); telephone and e-mail are the English ones. A setting left out is the
     * English one.
     */
    public record Japanese(String ministry, String country, String office, List<String> address, String place,
                           String signatoryName, String signatoryTitle) {
    }

    @ConstructorBinding
    public Letterhead {
        address = address == null ? List.of() : List.copyOf(address);
        ja = ja == null ? new Japanese(null, null, null, null, null, null, null) : ja;
    }

    /** A letterhead without Japanese settings (its Japanese letters use the English ones). */
    public Letterhead(String ministry, String country, String office, List<String> address, String telephone,
                      String email, String place, String signatoryName, String signatoryTitle) {
        this(ministry, country, office, address, telephone, email, place, signatoryName, signatoryTitle, null);
    }

    /** The letterhead as a Japanese letter presents it: the Japanese settings, the English one where one is missing. */
    public Letterhead inJapanese() {
        return new Letterhead(or(ja.ministry(), ministry), or(ja.country(), country), or(ja.office(), office),
                ja.address() == null || ja.address().isEmpty() ? address : ja.address(), telephone, email,
                or(ja.place(), place), or(ja.signatoryName(), signatoryName), or(ja.signatoryTitle(), signatoryTitle), ja);
    }

    private static String or(String japanese, String english) {
        return japanese == null || japanese.isBlank() ? english : japanese;
    }
}
