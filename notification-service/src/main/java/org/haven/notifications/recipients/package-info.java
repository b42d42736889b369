/**
 * Who receives email: a {@code recipient} per organization and user id (the identity token's subject) with an
 * address and a language. Seeded from configuration in the local profile.
 */
@NullMarked
package org.haven.notifications.recipients;

import org.jspecify.annotations.NullMarked;
