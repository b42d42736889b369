/** Each case's facts as the case events reported them: what the assessments will be computed from. */
@NullMarked
package org.haven.eligibility.facts;

import org.jspecify.annotations.NullMarked;
