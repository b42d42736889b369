/** The intake part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.intake;

import org.jspecify.annotations.NullMarked;
