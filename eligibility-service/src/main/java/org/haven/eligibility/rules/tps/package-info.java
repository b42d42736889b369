/**
 * Temporary Protected Status (INA 244): designations are data, loaded from a file at start-up and validated;
 * the registration-window rule reads them.
 */
@NullMarked
package org.haven.eligibility.rules.tps;

import org.jspecify.annotations.NullMarked;
