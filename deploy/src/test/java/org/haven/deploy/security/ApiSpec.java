package org.haven.deploy.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of the aggregated OpenAPI document and, for each, a request body that satisfies its schema
 * (required fields, formats, enums, patterns). Nothing here lists an endpoint: a new one in a service shows
 * up in every attack of the suite by itself.
 */
final class ApiSpec {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** Which process answers a path: the gateway routes these prefixes; everything else is the gateway's own. */
    private static final Map<String, String> OWNERS = Map.of(
            "/api/cases", "case-service",
            "/api/deadlines", "case-service",
            "/api/audit", "case-service",
            "/api/eligibility", "eligibility-service",
            "/api/notifications", "notification-service",
            "/api/webhooks", "notification-service",
            "/api/notification-preferences", "notification-service");

    record Endpoint(String method, String path, JsonNode operation, JsonNode requestSchema) {

        boolean isPublic() {
            return operation.has("security") && operation.get("security").isEmpty();
        }

        boolean hasBody() {
            return !requestSchema.isMissingNode();
        }

        boolean isRead() {
            return method.equals("GET");
        }

        /** The service behind the path, or "gateway" for the gateway's own endpoints. */
        String owner() {
            return OWNERS.entrySet().stream()
                    .filter(owner -> path.equals(owner.getKey()) || path.startsWith(owner.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse("gateway");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            operation.path("parameters").values().forEach(parameter -> {
                if (parameter.path("in").asString("").equals("query")) {
                    names.add(parameter.path("name").asString());
                }
            });
            return names;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode spec;
    private final List<Endpoint> endpoints;

    ApiSpec(JsonNode spec) {
        this.spec = spec;
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    JsonNode content = operation.getValue().path("requestBody").path("content");
                    JsonNode schema = content.path("application/json").path("schema");
                    found.add(new Endpoint(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                            schema.isMissingNode() ? schema : resolve(schema)));
                }
            }
        }
        this.endpoints = List.copyOf(found);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Follows $ref (also nested in allOf) until a schema with content. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            current = spec.at(ref.substring(1));
        }
        if (current.has("allOf")) {
            ObjectNode merged = nodes.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
                resolved.path("required").values().forEach(required::add);
            }
            return merged;
        }
        if (current.has("oneOf") || current.has("anyOf")) {
            return resolve((current.has("oneOf") ? current.get("oneOf") : current.get("anyOf")).get(0));
        }
        return current;
    }

    /** A value the schema accepts: required properties only, first enum value, formats honoured. */
    JsonNode validValue(JsonNode schema, String name) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("const")) {
            return resolved.get("const");
        }
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return resolved.get("enum").get(0);
        }
        String type = type(resolved);
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                Set<String> required = new java.util.HashSet<>();
                resolved.path("required").values().forEach(r -> required.add(r.asString()));
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    if (required.isEmpty() || required.contains(property.getKey())) {
                        object.set(property.getKey(), validValue(property.getValue(), property.getKey()));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(validValue(resolved.path("items"), name));
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(resolved.path("minimum").asLong(1));
            case "boolean" -> nodes.booleanNode(false);
            case "string" -> nodes.stringNode(validString(resolved, name));
            default -> nodes.objectNode();
        };
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "any";
    }

    private static String validString(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String lower = name.toLowerCase();
        switch (format) {
            case "date":
                if (lower.contains("birth")) {
                    return "1990-05-01";
                }
                return lower.contains("until") || lower.contains("by") || lower.endsWith("to") ? "2026-12-31" : "2025-06-02";
            case "date-time":
                return "2026-01-05T10:00:00Z";
            case "uuid":
                return UUID.randomUUID().toString();
            case "uri", "url":
                return "https://example.org/hook";
            case "email":
                return "someone@example.org";
            default:
                break;
        }
        if (schema.has("pattern")) {
            return sample(schema.get("pattern").asString());
        }
        int min = schema.path("minLength").asInt(0);
        String text = "Sample " + name;
        return text.length() >= min ? text : text + "x".repeat(min - text.length());
    }

    /** A string matching the simple patterns of the specs: alternatives, character classes, {n} and literals. */
    static String sample(String pattern) {
        String body = pattern.replaceAll("^\\^", "").replaceAll("\\$$", "");
        int bar = topLevelBar(body);
        if (bar >= 0) {
            body = body.substring(0, bar);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); ) {
            String unit;
            char c = body.charAt(i);
            if (c == '[') {
                int end = body.indexOf(']', i);
                String cls = body.substring(i + 1, end);
                unit = String.valueOf(cls.startsWith("^") ? 'x' : cls.charAt(0) == '\\' ? '0' : cls.charAt(0));
                i = end + 1;
            } else if (c == '\\') {
                char next = body.charAt(i + 1);
                unit = next == 'd' ? "0" : next == 'w' ? "a" : next == 's' ? " " : String.valueOf(next);
                i += 2;
            } else if (c == '(' || c == ')') {
                i++;
                continue;
            } else {
                unit = String.valueOf(c);
                i++;
            }
            int repeat = 1;
            if (i < body.length() && body.charAt(i) == '{') {
                int end = body.indexOf('}', i);
                String[] bounds = body.substring(i + 1, end).split(",");
                repeat = Math.max(1, Integer.parseInt(bounds[0].isBlank() ? "1" : bounds[0].strip()));
                i = end + 1;
            } else if (i < body.length() && "+*?".indexOf(body.charAt(i)) >= 0) {
                i++; // one of it is always enough
            }
            out.append(unit.repeat(repeat));
        }
        return out.toString();
    }

    private static int topLevelBar(String pattern) {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
