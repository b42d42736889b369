/** The tps part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.tps;

import org.jspecify.annotations.NullMarked;
