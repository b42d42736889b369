/**
 * Asylum (INA 208): the one-year filing deadline, abandonment by departure, the annual asylum fee, adjustment
 * after a grant, and the application with its EAD clock that other rules read.
 */
@NullMarked
package org.haven.eligibility.rules.asylum;

import org.jspecify.annotations.NullMarked;
