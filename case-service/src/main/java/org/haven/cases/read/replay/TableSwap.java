package org.haven.cases.read.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts a rebuilt table in the place of a live one, inside the caller's transaction (which must hold the live
 * table's lock): rename the live table away, rename the rebuilt one in, drop the old one, and give the rebuilt
 * table's indexes (made by {@code create table ... (like ... including all)}) the live ones' names, so that
 * migrations that name an index keep working.
 */
final class TableSwap {

    private TableSwap() {
    }

    static void swap(JdbcTemplate jdbc, String live, String rebuilt) {
        Map<String, String> liveIndexes = indexNamesByDefinition(jdbc, live);
        Map<String, String> rebuiltIndexes = indexNamesByDefinition(jdbc, rebuilt);
        String retired = live + "_retired";
        jdbc.execute("alter table " + live + " rename to " + retired);
        jdbc.execute("alter table " + rebuilt + " rename to " + live);
        jdbc.execute("drop table " + retired);
        rebuiltIndexes.forEach((definition, name) -> {
            String liveName = liveIndexes.get(definition);
            if (liveName != null && !liveName.equals(name)) {
                jdbc.execute("alter index " + name + " rename to " + liveName);
            }
        });
    }

    /** "CREATE UNIQUE INDEX x ON public.t USING btree (a)" → "UNIQUE USING btree (a)", the part that is not a name. */
    private static Map<String, String> indexNamesByDefinition(JdbcTemplate jdbc, String table) {
        Map<String, String> indexes = new HashMap<>();
        jdbc.query("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?",
                rows -> {
                    indexes.put(rows.getString(2).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ", "$1"), rows.getString(1));
                }, table);
        return indexes;
    }
}
