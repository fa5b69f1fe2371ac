package org.cooperationdesk.letter;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
                         @NotBlank String signatoryName, @NotBlank String signatoryTitle) {

    public Letterhead {
        address = address == null ? List.of() : List.copyOf(address);
    }
}
