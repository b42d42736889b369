/** The ead part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.ead;

import org.jspecify.annotations.NullMarked;
