package org.haven.notifications.casefile;

import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.CaseAssigned;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.ClientDetailsCorrected;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.function.Function;

/**
 * The {@code case_file} table. Events of one case arrive in order (they share a Kafka key), so applying each
 * event as it comes keeps the file current; a case first seen mid-history simply starts with what is known.
 */
@Repository
public class CaseFiles {

    private final JdbcClient jdbc;

    CaseFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records what this event changes about its case and answers the case as it is after the event. The
     * organization is the one of the case's first event; a caller compares it with the event's own.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseFile apply(CaseEventEnvelope<?> event) {
        Change change = Change.of(event.payload());
        CaseFile file = jdbc.sql("""
                        insert into case_file (case_id, organization_id, assignee, preferred_language, asylum_pending,
                                               last_sequence, updated_at)
                        values (:caseId, :organizationId, :assignee, :language, coalesce(:asylumPending, false),
                                :sequence, now())
                        on conflict (case_id) do update set
                            assignee = case when :setsAssignee then excluded.assignee else case_file.assignee end,
                            preferred_language = case when :setsLanguage then excluded.preferred_language
                                                      else case_file.preferred_language end,
                            asylum_pending = coalesce(:asylumPending, case_file.asylum_pending),
                            last_sequence = greatest(case_file.last_sequence, excluded.last_sequence),
                            updated_at = now()
                        returning case_id, organization_id, assignee, preferred_language, asylum_pending""")
                .param("caseId", event.caseId())
                .param("organizationId", event.organizationId())
                .param("assignee", change.assignee())
                .param("setsAssignee", change.setsAssignee())
                .param("language", change.language())
                .param("setsLanguage", change.setsLanguage())
                .param("asylumPending", change.asylumPending(), java.sql.Types.BOOLEAN)
                .param("sequence", event.sequence())
                .query((rs, row) -> new CaseFile(rs.getObject("case_id", java.util.UUID.class),
                        rs.getString("organization_id"), rs.getString("assignee"), rs.getString("preferred_language"),
                        rs.getBoolean("asylum_pending")))
                .single();
        return file;
    }

    /** Whether events of this type change what the file holds (those of other types leave it as it was). */
    public static boolean changedBy(Class<? extends CaseEventPayload> type) {
        return Change.BY_TYPE.containsKey(type);
    }

    /** What one event sets on its case; null means "leaves it as it was". */
    private record Change(boolean setsAssignee, @Nullable String assignee, boolean setsLanguage,
                          @Nullable String language, @Nullable Boolean asylumPending) {

        private static final Change NONE = new Change(false, null, false, null, null);

        /** The one list of the events that change a file, and what each sets. */
        private static final Map<Class<? extends CaseEventPayload>, Function<CaseEventPayload, Change>> BY_TYPE = Map.ofEntries(
                on(CaseOpened.class, opened -> new Change(true, opened.assignee(), true, opened.preferredLanguage(), null)),
                on(ClientDetailsCorrected.class, corrected -> new Change(false, null, true, corrected.preferredLanguage(), null)),
                on(CaseAssigned.class, assigned -> new Change(true, assigned.assignee(), false, null, null)),
                on(AsylumFiled.class, filed -> new Change(false, null, false, null, true)),
                on(AsylumGranted.class, granted -> new Change(false, null, false, null, false)),
                on(AsylumDenied.class, denied -> new Change(false, null, false, null, false)));

        private static <E extends CaseEventPayload> Map.Entry<Class<? extends CaseEventPayload>, Function<CaseEventPayload, Change>> on(
                Class<E> type, Function<E, Change> change) {
            return Map.entry(type, payload -> change.apply(type.cast(payload)));
        }

        static Change of(CaseEventPayload payload) {
            return BY_TYPE.getOrDefault(payload.getClass(), any -> NONE).apply(payload);
        }
    }
}
