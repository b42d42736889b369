/** Refugees (INA 207, 209(a)) and the refugee cash and medical assistance that refugees and asylees receive. */
@NullMarked
package org.haven.eligibility.rules.refugee;

import org.jspecify.annotations.NullMarked;
