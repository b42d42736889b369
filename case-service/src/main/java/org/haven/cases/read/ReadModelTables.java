package org.haven.cases.read;

/**
 * The tables of the {@code case-summary} projection: the live pair that queries read, or the pair a replay
 * rebuilds before it swaps them in. Names come only from these constants, never from input.
 */
public record ReadModelTables(String summary, String deadlines) {

    public static final ReadModelTables LIVE = new ReadModelTables("case_summary", "case_deadline");
    public static final ReadModelTables REBUILD = new ReadModelTables("case_summary_rebuild", "case_deadline_rebuild");
}
