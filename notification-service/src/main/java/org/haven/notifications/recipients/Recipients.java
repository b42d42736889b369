package org.haven.notifications.recipients;

import org.haven.notifications.templates.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The {@code recipient} table; every lookup is within one organization. */
@Repository
public class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recipient> find(String organizationId, String userId) {
        return jdbc.sql("""
                        select organization_id, user_id, email, language from recipient
                         where organization_id = :organizationId and user_id = :userId""")
                .param("organizationId", organizationId)
                .param("userId", userId)
                .query((rs, row) -> new Recipient(rs.getString("organization_id"), rs.getString("user_id"),
                        rs.getString("email"), Language.of(rs.getString("language"))))
                .optional();
    }

    public void save(Recipient recipient) {
        jdbc.sql("""
                        insert into recipient (organization_id, user_id, email, language)
                        values (:organizationId, :userId, :email, :language)
                        on conflict (organization_id, user_id) do update
                            set email = excluded.email, language = excluded.language""")
                .param("organizationId", recipient.organizationId())
                .param("userId", recipient.userId())
                .param("email", recipient.email())
                .param("language", recipient.language().code())
                .update();
    }
}
