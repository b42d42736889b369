/**
 * The read side: the {@code case-summary} projection (case list, case detail, deadlines), the as-of rebuild of
 * a case from its history, and the rebuild of the projection from the event store ({@code replay}). Every
 * event's effect on a case view is decided once, in {@link org.haven.cases.read.CaseFold}.
 */
@NullMarked
package org.haven.cases.read;

import org.jspecify.annotations.NullMarked;
