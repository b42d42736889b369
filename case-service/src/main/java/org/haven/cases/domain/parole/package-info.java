/** The parole part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.parole;

import org.jspecify.annotations.NullMarked;
