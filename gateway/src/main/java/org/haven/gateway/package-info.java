/** The gateway application; each feature lives in its own package. */
@NullMarked
package org.haven.gateway;

import org.jspecify.annotations.NullMarked;
