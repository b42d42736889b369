package org.haven.cases.read;

import org.haven.events.vocabulary.Pathway;
import org.haven.support.problem.InvalidFieldException;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET /api/cases}: the filters, page size and cursor, validated. Each bad value is a 400 naming its
 * parameter.
 */
public record CaseListQuery(@Nullable String status, @Nullable String assignee, @Nullable String text,
                            @Nullable Pathway pathway, int limit, @Nullable Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 200;

    /** Where a page ends: the last row's {@code opened_at} (to the microsecond, as stored) and case id. */
    public record Cursor(Instant openedAt, UUID caseId) {

        private static final String VERSION = "c1";

        public String encode() {
            String plain = VERSION + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, openedAt) + ":" + caseId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
                if (parts.length != 3 || !parts[0].equals(VERSION)) {
                    throw new IllegalArgumentException("not a cursor");
                }
                return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw new InvalidFieldException("cursor", "is not a cursor this service returned");
            }
        }
    }

    public static CaseListQuery parse(@Nullable String status, @Nullable String assignee, @Nullable String q,
                                      @Nullable String pathway, @Nullable String limit, @Nullable String cursor) {
        return new CaseListQuery(
                status == null ? null : parseStatus(status),
                assignee == null ? null : bounded("assignee", assignee),
                q == null ? null : bounded("q", q).toLowerCase(Locale.ROOT),
                pathway == null ? null : parsePathway(pathway),
                limit == null ? DEFAULT_LIMIT : parseLimit(limit),
                cursor == null ? null : Cursor.decode(cursor));
    }

    private static String parseStatus(String status) {
        if (!status.equals(CaseView.OPEN) && !status.equals(CaseView.CLOSED)) {
            throw new InvalidFieldException("status", "must be OPEN or CLOSED");
        }
        return status;
    }

    private static Pathway parsePathway(String pathway) {
        try {
            return Pathway.valueOf(pathway);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pathway", "must be one of " + java.util.Arrays.toString(Pathway.values()));
        }
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String bounded(String field, String value) {
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new InvalidFieldException(field, "must be 1 to " + MAX_TEXT + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL refuses a NUL in a text parameter: it would be a 500 (found by the fuzzer of issue 9)
            throw new InvalidFieldException(field, "must not contain a NUL character");
        }
        return value;
    }
}
