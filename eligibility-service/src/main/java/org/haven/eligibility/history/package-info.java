/**
 * A person's history in the case vocabulary of {@code case-events}: what every rule is evaluated against,
 * whether it comes from a real case's events or from a what-if screening.
 */
@NullMarked
package org.haven.eligibility.history;

import org.jspecify.annotations.NullMarked;
