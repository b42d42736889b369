package org.haven.deploy.fuzz;

import org.haven.deploy.fuzz.Endpoint.Effect;
import org.haven.deploy.fuzz.Field.Kind;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of the gateway's aggregated OpenAPI document. An operation the built-in {@link Catalogue} also knows
 * keeps the catalogue's description (it knows which dates are legal dates in the past, which string is an assignee);
 * an operation only the document has is fuzzed from its schema; an operation only the catalogue has is fuzzed too,
 * and reported, because the contract says it exists.
 */
record SpecEndpoints(List<Endpoint> endpoints, List<String> notes) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static SpecEndpoints read(JsonNode spec, List<Endpoint> catalogue) {
        if (!spec.path("paths").isObject() || spec.path("paths").isEmpty()) {
            throw new IllegalArgumentException("no paths");
        }
        Map<String, Endpoint> known = new LinkedHashMap<>();
        catalogue.forEach(endpoint -> known.put(key(endpoint.method(), endpoint.template()), endpoint));
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> onlyInSpec = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var path : spec.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String key = key(method, path.getKey());
                seen.add(key);
                Endpoint endpoint = known.get(key);
                if (endpoint == null) {
                    endpoint = fromSchema(spec, method, path.getKey(), operation.getValue());
                    onlyInSpec.add(endpoint.name());
                }
                endpoints.add(endpoint);
            }
        }
        List<String> onlyInContract = new ArrayList<>();
        for (var entry : known.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                endpoints.add(entry.getValue());
                onlyInContract.add(entry.getValue().name());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!onlyInSpec.isEmpty()) {
            notes.add("in the OpenAPI document only (fuzzed from its schemas): " + onlyInSpec);
        }
        if (!onlyInContract.isEmpty()) {
            notes.add("in the API contract but not in the OpenAPI document (fuzzed anyway): " + onlyInContract);
        }
        return new SpecEndpoints(List.copyOf(endpoints), notes);
    }

    /** Method and path with every placeholder made alike, so that {id} and {caseId} match. */
    private static String key(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    private static Endpoint fromSchema(JsonNode spec, String method, String path, JsonNode operation) {
        String template = placeholders(path);
        List<Field> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(spec, parameter);
            if ("query".equals(resolved.path("in").asString(""))) {
                query.add(field(spec, resolved.path("name").asString(), resolved.path("schema"), resolved.path("required").asBoolean(false)));
            }
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        List<Field> body = null;
        if (!schema.isMissingNode()) {
            Field root = field(spec, "body", schema, true);
            body = root.kind() == Kind.OBJECT ? root.fields() : List.of();
        }
        return new Endpoint(method, template, role(method, template), body, query, effect(method, template));
    }

    private static String placeholders(String path) {
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            String before = path.substring(0, matcher.start());
            String mine = name.contains("case") ? "caseId" : name.contains("rfe") ? "rfeId"
                    : before.startsWith("/api/webhooks/dead-letters") ? "deadLetterId"
                    : before.startsWith("/api/webhooks") ? "webhookId"
                    : before.startsWith("/api/audit/replays") ? "replayId"
                    : before.startsWith("/api/notifications") ? "notificationId" : "other";
            matcher.appendReplacement(out, "{" + mine + "}");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String role(String method, String template) {
        if (template.startsWith("/actuator")) {
            return null;
        }
        if (template.startsWith("/api/webhooks") || template.startsWith("/api/notification-preferences")
                || (template.startsWith("/api/audit/replays") && !method.equals("GET"))) {
            return Catalogue.ADMIN;
        }
        return template.startsWith("/api/audit") ? Catalogue.AUDITOR : Catalogue.CASEWORKER;
    }

    private static Effect effect(String method, String template) {
        if (method.equals("GET")) {
            return Effect.NONE;
        }
        if (template.equals("/api/cases")) {
            return Effect.OPEN_CASE;
        }
        if (template.startsWith("/api/cases/{caseId}/")) {
            return Effect.CASE_EVENT;
        }
        if (template.startsWith("/api/eligibility")) {
            return Effect.COMPUTE;
        }
        return template.startsWith("/api/webhooks") && method.equals("DELETE") ? Effect.WEBHOOK_DELETE : Effect.NONE;
    }

    private static Field field(JsonNode spec, String name, JsonNode schema, boolean required) {
        JsonNode s = resolve(spec, schema);
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(value -> values.add(value.asString()));
            return new Field(name, Kind.ENUM, required, values, List.of(), 0);
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asString("") : s.path("type").asString("");
        return switch (type) {
            case "boolean" -> new Field(name, Kind.BOOLEAN, required, List.of(), List.of(), 0);
            case "integer", "number" -> new Field(name, Kind.INTEGER, required, List.of(), List.of(), 0);
            case "array" -> {
                JsonNode items = resolve(spec, s.path("items"));
                List<String> values = new ArrayList<>();
                items.path("enum").forEach(value -> values.add(value.asString()));
                yield new Field(name, Kind.LIST, required, values.isEmpty() ? List.of("x") : values, List.of(), 0);
            }
            case "object" -> {
                Set<String> requiredNames = new HashSet<>();
                s.path("required").forEach(r -> requiredNames.add(r.asString()));
                List<Field> fields = new ArrayList<>();
                for (var property : s.path("properties").properties()) {
                    fields.add(field(spec, property.getKey(), property.getValue(), requiredNames.contains(property.getKey())));
                }
                yield new Field(name, Kind.OBJECT, required, List.of(), fields, 0);
            }
            default -> {
                String format = s.path("format").asString("");
                String pattern = s.path("pattern").asString("");
                Kind kind = switch (format) {
                    case "date" -> Kind.DATE;
                    case "date-time" -> Kind.INSTANT;
                    case "uuid" -> Kind.UUID;
                    case "uri", "url" -> Kind.URL;
                    default -> pattern.contains("[0-9]{10}") ? Kind.RECEIPT : pattern.equals("[A-Z]{2}") ? Kind.COUNTRY
                            : name.toLowerCase(Locale.ROOT).contains("url") ? Kind.URL : Kind.STRING;
                };
                yield new Field(name, kind, required, List.of(), List.of(), s.path("maxLength").asInt(0));
            }
        };
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
            current = spec.at(current.get("$ref").asString().substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(spec, current.get("allOf").get(0));
        }
        return current;
    }
}
