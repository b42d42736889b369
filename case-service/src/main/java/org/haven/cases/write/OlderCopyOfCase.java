package org.haven.cases.write;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The client's {@code If-Match} version is ahead of this instance's copy of the case: another instance has
 * recorded events since this copy was cached. A {@link ConcurrencyException}, so the unit of work rolls back
 * (which evicts the cached copy) and {@code ConflictRetries} sends the command again on the case as stored.
 * If it still surfaces after the retries, the client named a version the case never reached: 412, as
 * {@link org.haven.cases.domain.StaleVersion}.
 */
class OlderCopyOfCase extends ConcurrencyException {

    OlderCopyOfCase(long expected, long actual) {
        super("The case is at version " + actual + ", not " + expected + "; reload it and try again");
    }
}
