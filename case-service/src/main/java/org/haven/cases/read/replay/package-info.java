/**
 * Rebuilding a projection from the event store into fresh tables and swapping them in without stopping live
 * traffic ({@code /api/audit/replays}). It sits with the read side because it reuses the projection's writer,
 * fold and tables; see {@link org.haven.cases.read.replay.CaseSummaryRebuild} for how the swap works.
 */
@NullMarked
package org.haven.cases.read.replay;

import org.jspecify.annotations.NullMarked;
