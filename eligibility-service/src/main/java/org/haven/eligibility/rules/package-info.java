/**
 * What a rule is: a named, cited, effective-dated policy evaluated against a {@link
 * org.haven.eligibility.history.CaseHistory} as of a date, yielding findings — a pathway verdict ({@link
 * Outcome}), a computed deadline, or a warning. The rules of rules.md live in the sub-packages, by feature.
 */
@NullMarked
package org.haven.eligibility.rules;

import org.jspecify.annotations.NullMarked;
