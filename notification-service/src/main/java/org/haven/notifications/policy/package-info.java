/**
 * What each case event means to the people working the case: one table ({@link
 * org.haven.notifications.policy.NotificationPolicy}) from event type to kind, message, rule and next step.
 * Pure Java, no Spring; the other slices ask it and act on its answer.
 */
@NullMarked
package org.haven.notifications.policy;

import org.jspecify.annotations.NullMarked;
