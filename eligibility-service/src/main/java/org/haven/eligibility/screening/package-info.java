/**
 * What-if screenings ({@code POST /api/eligibility/screenings}): a hypothetical history in the case vocabulary,
 * read and validated field by field, assessed as of a date.
 */
@NullMarked
package org.haven.eligibility.screening;

import org.jspecify.annotations.NullMarked;
