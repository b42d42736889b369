package org.haven.cases.domain.deadlines;

import org.haven.events.vocabulary.DeadlineType;

import java.util.List;
import java.util.Map;

/**
 * The reminder days an organization chose in place of the rules' (rules.md, PAROLE-EXPIRING: "configurable per
 * organization"), by kind of deadline; empty where it chose none. Applied when a case records an assessment
 * ({@link DeadlineSchedule#withReminderDays}).
 */
@FunctionalInterface
public interface OrganizationReminderDays {

    Map<DeadlineType, List<Integer>> of(String organizationId);
}
