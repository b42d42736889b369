package org.haven.eligibility.screening;

import org.haven.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object and records, under each field's path, what is wrong with it. Reading goes on
 * after an error so that one answer names every bad field.
 */
final class Fields {

    /** Dates Haven accepts in a history: its holiday calendar ends in 2100, and a filing's deadline is a year later. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private static final Pattern RECEIPT_NUMBER = Pattern.compile("[A-Z]{3}[0-9]{10}");

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    Fields(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void error(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    void rejectUnknown(Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                error(name, "is not a known field here; known: " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private @Nullable JsonNode present(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        return value;
    }

    @Nullable LocalDate date(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            error(name, "must be a date written YYYY-MM-DD");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.asString(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            error(name, "is not a valid date (YYYY-MM-DD): " + value.asString());
            return null;
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            error(name, "must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
            return null;
        }
        return date;
    }

    <E extends Enum<E>> @Nullable E enumValue(String name, Class<E> type, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!value.isString()) {
            error(name, "must be one of " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, value.asString());
        } catch (IllegalArgumentException e) {
            error(name, "must be one of " + allowed + " (was " + value.asString() + ")");
            return null;
        }
    }

    @Nullable Boolean bool(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    @Nullable String text(String name, boolean required, Pattern format, String formatDescription) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isString() || !format.matcher(value.asString()).matches()) {
            error(name, "must be " + formatDescription);
            return null;
        }
        return value.asString();
    }

    @Nullable String receiptNumber() {
        return text("receiptNumber", false, RECEIPT_NUMBER, "a USCIS receipt number: three capital letters and ten digits, e.g. IOE0912345678");
    }

    @Nullable UUID uuid(String name) {
        JsonNode value = present(name, false);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.asString(""));
        } catch (IllegalArgumentException e) {
            error(name, "must be a UUID");
            return null;
        }
    }
}
