package org.haven.cases.domain.deadlines;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

/**
 * Re-plans the case's latest assessment with its organization's reminder days as they are now: sent to each open
 * case of an organization whose reminder days changed. Records the assessment again (same id, the new days) only
 * when that changes which reminders are scheduled.
 */
public record ApplyOrganizationReminderDays(@TargetAggregateIdentifier CaseId caseId) implements CaseCommand {
}
