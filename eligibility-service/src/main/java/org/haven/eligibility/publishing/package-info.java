/**
 * Publishing {@code EligibilityAssessed} on {@code haven.eligibility-events.v1}: only when a case's assessment
 * changed, through a transactional outbox and a relay, so that a crash after the database commit loses nothing.
 */
@NullMarked
package org.haven.eligibility.publishing;

import org.jspecify.annotations.NullMarked;
