/** The gateway is healthy only when the services behind it are. */
@NullMarked
package org.haven.gateway.health;

import org.jspecify.annotations.NullMarked;
