/**
 * Legal-date arithmetic: one-year periods, the U.S. federal holidays computed from their definitions, and the
 * roll-forward of filing deadlines over weekends and holidays (8 CFR 1.1(h), 1.4).
 */
@NullMarked
package org.haven.eligibility.calendar;

import org.jspecify.annotations.NullMarked;
