/**
 * Organization API keys kept in the gateway's own database ({@code haven_gateway}): created, listed and
 * revoked by the organization's ADMIN through {@code /api/admin/api-keys}, looked up by hash on every request.
 */
@NullMarked
package org.haven.gateway.apikeys;

import org.jspecify.annotations.NullMarked;
