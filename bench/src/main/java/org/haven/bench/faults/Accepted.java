package org.haven.bench.faults;

import java.time.Instant;
import java.util.UUID;

/**
 * A command the stack accepted (2xx): the case, the version its answer named (the sequence of the command's
 * event), the event type it records, which instance took it, and in which crash case.
 */
record Accepted(UUID caseId, long version, String eventType, String via, String phase, Instant at) {
}
