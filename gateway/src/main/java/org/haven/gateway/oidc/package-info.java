/**
 * People signing in through an OpenID Connect provider: {@code Authorization: Bearer <JWT>} verified against the
 * provider's keys ({@code spring.security.oauth2.resourceserver.jwt.*}), organization and roles from its claims.
 */
@NullMarked
package org.haven.gateway.oidc;

import org.jspecify.annotations.NullMarked;
