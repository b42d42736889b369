package org.haven.cases.write;

import jakarta.servlet.http.HttpServletRequest;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key runs and its answer is kept for a day; a retry
 * with the same key and the same request gets that answer without writing again. The same key on a different
 * request is refused (422); a retry while the first is still running gets 409.
 * <p>
 * Known window: if the service dies after the command succeeded and before the answer is kept, the key stays
 * "in progress" until it expires, and a retry gets 409 rather than the answer.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";

    record Answer(HttpStatus status, WriteResult result) {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Answer once(HavenIdentity identity, HttpHeaders headers, Supplier<Answer> write) {
        String key = headers.getFirst(HEADER);
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > 200 || !StandardCharsets.US_ASCII.newEncoder().canEncode(key)) {
            throw new InvalidFieldException(HEADER, "must be 1 to 200 ASCII characters");
        }
        String fingerprint = fingerprintOfCurrentRequest();
        boolean first = jdbc.update("""
                insert into idempotent_request (organization_id, idempotency_key, fingerprint, state, created_at)
                values (?, ?, ?, 'IN_PROGRESS', now()) on conflict do nothing""",
                identity.organizationId(), key, fingerprint) == 1;
        if (!first) {
            return earlierAnswer(identity, key, fingerprint);
        }
        try {
            Answer answer = write.get();
            jdbc.update("""
                    update idempotent_request set state = 'DONE', status = ?, case_id = ?, version = ?
                    where organization_id = ? and idempotency_key = ?""",
                    answer.status().value(), answer.result().id(), answer.result().version(), identity.organizationId(), key);
            return answer;
        } catch (RuntimeException failed) {
            jdbc.update("delete from idempotent_request where organization_id = ? and idempotency_key = ?",
                    identity.organizationId(), key);
            throw failed;
        }
    }

    private Answer earlierAnswer(HavenIdentity identity, String key, String fingerprint) {
        List<Answer> answers = jdbc.query("""
                        select fingerprint, state, status, case_id, version from idempotent_request
                        where organization_id = ? and idempotency_key = ?""",
                (rows, index) -> {
                    if (!rows.getString("fingerprint").equals(fingerprint)) {
                        throw new IdempotencyKeyReused();
                    }
                    if (!"DONE".equals(rows.getString("state"))) {
                        throw new CaseRuleViolation("A request with this Idempotency-Key is still being processed; retry shortly");
                    }
                    return new Answer(HttpStatus.valueOf(rows.getInt("status")),
                            new WriteResult(rows.getObject("case_id", UUID.class), rows.getLong("version")));
                },
                identity.organizationId(), key);
        if (answers.isEmpty()) {
            throw new CaseRuleViolation("A request with this Idempotency-Key has just failed; retry");
        }
        return answers.getFirst();
    }

    /** Method, path and body: the body was cached by {@link IdempotencyBodyCaching} as the controller read it. */
    private static String fingerprintOfCurrentRequest() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        byte[] body = cached == null ? new byte[0] : cached.getContentAsByteArray();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetAfterADay() {
        jdbc.update("delete from idempotent_request where created_at < now() - interval '1 day'");
    }

    /** The same key sent with a different request. */
    static class IdempotencyKeyReused extends RuntimeException {
        IdempotencyKeyReused() {
            super("This Idempotency-Key was used for a different request");
        }
    }
}
