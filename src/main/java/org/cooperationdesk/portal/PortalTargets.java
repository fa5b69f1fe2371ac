package org.cooperationdesk.portal;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

/** The room that serves each purpose's links. */
@Component
class PortalTargets {

    private final Map<LinkPurpose, PortalTarget> byPurpose = new EnumMap<>(LinkPurpose.class);

    PortalTargets(ObjectProvider<PortalTarget> targets) {
        for (PortalTarget target : (Iterable<PortalTarget>) targets.orderedStream()::iterator) {
            for (LinkPurpose purpose : target.purposes()) {
                if (byPurpose.put(purpose, target) != null) {
                    throw new IllegalStateException("Two rooms serve the links for " + purpose);
                }
            }
        }
    }

    PortalTarget of(LinkPurpose purpose) {
        PortalTarget target = byPurpose.get(purpose);
        if (target == null) {
            throw new IllegalStateException("No room serves the links for " + purpose);
        }
        return target;
    }
}
