/** Who is calling: API keys checked in constant time, the resulting {@link org.haven.gateway.auth.Caller}, and the security filter chain. */
@NullMarked
package org.haven.gateway.auth;

import org.jspecify.annotations.NullMarked;
