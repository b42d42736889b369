/**
 * Employment authorization (I-765): who is authorized and from when — by category — and the card's maximum
 * validity and automatic extension.
 */
@NullMarked
package org.haven.eligibility.rules.ead;

import org.jspecify.annotations.NullMarked;
