package org.haven.deploy.fuzz;

import java.util.List;

/**
 * One field of a request body or one query parameter, as the API contract describes it: enough to make a valid
 * value and to know which broken values are worth sending.
 *
 * @param values   the allowed values of an {@link Kind#ENUM} (or of a {@link Kind#LIST}'s items)
 * @param fields   the fields of an {@link Kind#OBJECT}
 * @param max      the longest valid string, where the contract has one
 */
record Field(String name, Kind kind, boolean required, List<String> values, List<Field> fields, int max) {

    enum Kind {
        /** an ISO date in the past (legal dates) */ DATE,
        /** an ISO date in the future */ FUTURE_DATE,
        /** an ISO instant */ INSTANT,
        /** an ISO-8601 period such as P30D */ PERIOD,
        STRING, ENUM, BOOLEAN, INTEGER, UUID,
        /** a USCIS receipt number, three letters and ten digits */ RECEIPT,
        /** an ISO 3166-1 alpha-2 code */ COUNTRY,
        /** en or es */ LANGUAGE,
        /** a webhook receiver's URL */ URL,
        /** a list of strings from {@code values} */ LIST,
        OBJECT,
        /** the events of a screening: objects of the case vocabulary with their type */ SCREENING_EVENTS,
        /** a JSON value that is copied as the contract's current value (preferences) */ CURRENT
    }

    static Field required(String name, Kind kind) {
        return new Field(name, kind, true, List.of(), List.of(), 0);
    }

    static Field optional(String name, Kind kind) {
        return new Field(name, kind, false, List.of(), List.of(), 0);
    }

    static Field requiredString(String name, int max) {
        return new Field(name, Kind.STRING, true, List.of(), List.of(), max);
    }

    static Field optionalString(String name, int max) {
        return new Field(name, Kind.STRING, false, List.of(), List.of(), max);
    }

    static Field requiredEnum(String name, String... values) {
        return new Field(name, Kind.ENUM, true, List.of(values), List.of(), 0);
    }

    static Field optionalEnum(String name, String... values) {
        return new Field(name, Kind.ENUM, false, List.of(values), List.of(), 0);
    }

    static Field requiredList(String name, List<String> values) {
        return new Field(name, Kind.LIST, true, List.copyOf(values), List.of(), 0);
    }

    static Field object(String name, boolean required, Field... fields) {
        return new Field(name, Kind.OBJECT, required, List.of(), List.of(fields), 0);
    }
}
