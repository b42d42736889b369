/** The rfe part of the case vocabulary: commands and the events they record. */
@NullMarked
package org.haven.cases.domain.rfe;

import org.jspecify.annotations.NullMarked;
