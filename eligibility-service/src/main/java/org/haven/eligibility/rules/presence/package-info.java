/** Unlawful presence (INA 212(a)(9)(B)): when it accrues, its exceptions, and the 180- and 365-day thresholds. */
@NullMarked
package org.haven.eligibility.rules.presence;

import org.jspecify.annotations.NullMarked;
