/**
 * Humanitarian parole (INA 212(d)(5)(A)): the basis, when a parole ends, its expiry reminders, the re-parole
 * window, the H.R. 1 parole fee, the I-134A pause and the CHNV termination.
 */
@NullMarked
package org.haven.eligibility.rules.parole;

import org.jspecify.annotations.NullMarked;
