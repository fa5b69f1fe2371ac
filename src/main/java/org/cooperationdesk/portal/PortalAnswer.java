package org.cooperationdesk.portal;

import java.util.List;
import java.util.Map;

/**
 * An answer from a partner's page, already checked: exactly the form's fields the page asked for (typed as a
 * Tasklist submission types them) plus the page's fixed values, the files by slot, and the address it came from.
 */
public record PortalAnswer(String formId, Map<String, Object> values, List<Upload> uploads, String address) {

    public PortalAnswer {
        values = Map.copyOf(values);
        uploads = List.copyOf(uploads);
    }
}
