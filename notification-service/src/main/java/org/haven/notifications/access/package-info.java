/** Which paths need which role, in one place. Identity itself is verified by service-support. */
@NullMarked
package org.haven.notifications.access;

import org.jspecify.annotations.NullMarked;
