package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.EadDenied;
import org.haven.events.CaseEventPayload.EadFiled;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An I-765 and its decision. An {@code EadApproved} or {@code EadDenied} carries no category: it decides the
 * latest filing recorded before it.
 */
public record EadApplication(EadFiled filing, @Nullable EadApproved approval, @Nullable EadDenied denial) {

    public static List<EadApplication> all(CaseHistory history) {
        List<EadApplication> applications = new ArrayList<>();
        EadFiled open = null;
        for (CaseEventPayload event : history.events()) {
            if (event instanceof EadFiled filing) {
                if (open != null) {
                    applications.add(new EadApplication(open, null, null));
                }
                open = filing;
            } else if (event instanceof EadApproved approval && open != null) {
                applications.add(new EadApplication(open, approval, null));
                open = null;
            } else if (event instanceof EadDenied denial && open != null) {
                applications.add(new EadApplication(open, null, denial));
                open = null;
            }
        }
        if (open != null) {
            applications.add(new EadApplication(open, null, null));
        }
        return applications;
    }

    /** The latest approved card. */
    public static Optional<EadApplication> latestApproved(CaseHistory history) {
        return all(history).stream().filter(application -> application.approval() != null).reduce((first, second) -> second);
    }

    public boolean pending() {
        return approval == null && denial == null;
    }
}
