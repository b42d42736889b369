/**
 * What notification-service remembers about each case, built from the case events alone: its organization,
 * assignee, the client's preferred language, and whether an asylum application is pending.
 */
@NullMarked
package org.haven.notifications.casefile;

import org.jspecify.annotations.NullMarked;
