/**
 * Browser sign-in for the caseworker UI: the seeded users of the local profile, {@code /auth/login},
 * {@code /auth/logout} and {@code /auth/me}, the {@code HAVEN_SESSION} cookie and the check that keeps
 * other sites from using it.
 */
@NullMarked
package org.haven.gateway.session;

import org.jspecify.annotations.NullMarked;
