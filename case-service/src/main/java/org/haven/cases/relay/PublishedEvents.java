package org.haven.cases.relay;

import org.haven.cases.domain.CaseOpened;
import org.haven.events.CaseEventPayload;


import java.util.Optional;

/**
 * What of each case event leaves case-service: the contract payload of {@code case-events}, without names,
 * contact details or free text. One place decides it for every event type.
 */
final class PublishedEvents {

    private PublishedEvents() {
    }

    static Optional<CaseEventPayload> toContract(Object event) {
        return switch (event) {
            case CaseOpened e -> Optional.of(new CaseEventPayload.CaseOpened(
                    e.client().dateOfBirth(), e.client().countryOfNationality(), e.client().preferredLanguage(),
                    e.lastArrivalDate(), e.unaccompaniedMinor(), null));
            default -> Optional.empty();
        };
    }
}
