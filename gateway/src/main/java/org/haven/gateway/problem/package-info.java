/** Every error the gateway itself answers is RFC 9457 problem+json, never a stack trace. */
@NullMarked
package org.haven.gateway.problem;

import org.jspecify.annotations.NullMarked;
