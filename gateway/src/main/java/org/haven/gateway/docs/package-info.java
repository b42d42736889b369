/**
 * The public API description: each service's OpenAPI spec ({@code /v3/api-docs}, fetched with a token the
 * gateway signs), narrowed to the paths the gateway routes to it, merged with the gateway's own endpoints,
 * served at {@code /api/docs/openapi.json}, and listed as a plain page at {@code /api/docs}.
 */
@NullMarked
package org.haven.gateway.docs;

import org.jspecify.annotations.NullMarked;
