package org.cooperationdesk.letter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * coopdesk.letters.*: templates, where the letter templates are (a Spring resource location ending in "/": the
 * application's own {@code classpath:/templates/letters/}, or the office's {@code file:/etc/coopdesk/letters/} with the
 * same layout, {@code <language>/<kind>.html}); cache-ttl, how long a template read is used before it is read again
 * (a changed template is in the letters made after that; 0: read every time).
 */
@ConfigurationProperties("coopdesk.letters")
public record LetterSettings(String templates, Duration cacheTtl) {

    public LetterSettings {
        templates = templates == null || templates.isBlank() ? "classpath:/templates/letters/" : templates;
        if (!templates.endsWith("/")) {
            templates = templates + "/";
        }
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(1) : cacheTtl;
    }
}
