/** The presence part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.presence;

import org.jspecify.annotations.NullMarked;
