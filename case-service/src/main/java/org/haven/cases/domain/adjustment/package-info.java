/** The adjustment part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.adjustment;

import org.jspecify.annotations.NullMarked;
