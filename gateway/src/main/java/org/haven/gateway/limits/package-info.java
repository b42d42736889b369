/** Limits on what a caller may send. */
@NullMarked
package org.haven.gateway.limits;

import org.jspecify.annotations.NullMarked;
