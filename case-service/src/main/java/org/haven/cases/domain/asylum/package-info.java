/** The asylum part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.asylum;

import org.jspecify.annotations.NullMarked;
