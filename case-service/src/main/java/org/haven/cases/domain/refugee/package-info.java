/** The refugee part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.refugee;

import org.jspecify.annotations.NullMarked;
