/**
 * Each case's facts as the case events reported them, and the re-assessment of the case whenever they change or a
 * new day begins.
 */
@NullMarked
package org.haven.eligibility.facts;

import org.jspecify.annotations.NullMarked;
