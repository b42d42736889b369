package org.haven.eligibility.rules.parole;

import org.haven.events.CaseEventPayload.ParoleGranted;

import java.time.LocalDate;

/**
 * One grant of parole and the day it ends (PAROLE-END: the earliest of its end date, a departure, a termination,
 * or the termination of its program).
 *
 * @param end the last day of parole
 */
public record ParoleTerm(ParoleGranted grant, LocalDate end, EndReason endReason) {

    public enum EndReason {
        /** The end date on the grant (the I-94). */
        VALIDITY_ENDS("its end date"),
        /** The whole program was terminated by a Federal Register notice (CHNV-TERMINATED). */
        PROGRAM_TERMINATED("the termination of its program"),
        TERMINATED("termination"),
        DEPARTED("departure");

        private final String description;

        EndReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public LocalDate start() {
        return grant.grantedOn();
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end);
    }

    public boolean endedBefore(LocalDate date) {
        return date.isAfter(end);
    }

    /** Whether the parole runs out (by its date or its program's end) rather than being cut short by an event. */
    public boolean runsOut() {
        return endReason == EndReason.VALIDITY_ENDS || endReason == EndReason.PROGRAM_TERMINATED;
    }
}
