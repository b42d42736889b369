/**
 * Email to the case's assigned caseworker over SMTP (Spring Mail), in the caseworker's language, with a
 * {@code Message-ID} that stays the same if the message ever has to be sent again.
 */
@NullMarked
package org.haven.notifications.email;

import org.jspecify.annotations.NullMarked;
