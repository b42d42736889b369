/** The filing fees of H.R. 1 (Pub. L. 119-21) that apply across pathways. */
@NullMarked
package org.haven.eligibility.rules.fees;

import org.jspecify.annotations.NullMarked;
