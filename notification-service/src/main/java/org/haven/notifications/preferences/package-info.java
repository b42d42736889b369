/**
 * An organization's notification preferences (ADMIN): which event types notify, on which of the optional
 * channels, and the reminder lead times it wants for its deadlines.
 */
@NullMarked
package org.haven.notifications.preferences;

import org.jspecify.annotations.NullMarked;
