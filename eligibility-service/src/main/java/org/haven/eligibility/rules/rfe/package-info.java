/** Requests for evidence: the response date printed on the notice. */
@NullMarked
package org.haven.eligibility.rules.rfe;

import org.jspecify.annotations.NullMarked;
