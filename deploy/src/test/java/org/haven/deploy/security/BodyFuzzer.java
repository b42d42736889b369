package org.haven.deploy.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile request bodies derived from an endpoint's schema, from a seeded random source (the seed is printed,
 * and {@code -Dhaven.fuzz.seed} replays a run): for a random field of the valid body a wrong type, null, a
 * huge or exotic string, an impossible date, an unknown enum value, a number out of range, or the field left
 * out; an extra or type-smuggling field; plus a fixed set of malformed whole bodies.
 */
final class BodyFuzzer {

    record Case(String name, byte[] body, String contentType) {
        static Case json(String name, String body) {
            return new Case(name, body.getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private static final String HUGE = "A".repeat(200_000);
    private static final List<String> EXOTIC = List.of(
            "Zoë Ñúñez Ólafsdóttir 李小龍 محمد",
            "😀👩‍👩‍👧‍👦🏳️‍🌈",
            "\u202Eevil\u202C right-to-left override",
            "zero\u200Bwidth\uFEFFbom",
            "nul\u0000byte",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://example.org/a}",
            "../../etc/passwd",
            "\r\nX-Injected: header");

    private final JsonMapper json;
    private final Random random;

    BodyFuzzer(JsonMapper json, long seed) {
        this.json = json;
        this.random = new Random(seed);
    }

    /** The same malformed bodies for every endpoint. */
    List<Case> wholeBodyCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.json("empty body", ""));
        cases.add(Case.json("null", "null"));
        cases.add(Case.json("array instead of object", "[]"));
        cases.add(Case.json("string instead of object", "\"text\""));
        cases.add(Case.json("number instead of object", "42"));
        cases.add(Case.json("empty object", "{}"));
        cases.add(Case.json("truncated JSON", "{\"a\":"));
        cases.add(Case.json("syntax error", "{\"a\" 1}"));
        cases.add(Case.json("deeply nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
        cases.add(Case.json("deeply nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        cases.add(Case.json("lone surrogate escape", "{\"a\":\"\\ud800\"}"));
        cases.add(Case.json("duplicate keys", "{\"a\":1,\"a\":2}"));
        cases.add(Case.json("default typing smuggle", "[\"java.lang.ProcessBuilder\",{\"command\":[\"id\"]}]"));
        cases.add(new Case("invalid UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, "application/json"));
        cases.add(new Case("byte order mark", "\uFEFF{}".getBytes(StandardCharsets.UTF_8), "application/json"));
        cases.add(new Case("text/plain content type", "{}".getBytes(StandardCharsets.UTF_8), "text/plain"));
        cases.add(new Case("form content type", "a=1&b=2".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        cases.add(new Case("XML body", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                .getBytes(StandardCharsets.UTF_8), "application/xml"));
        return cases;
    }

    /** {@code count} random single-field mutations of the valid body. */
    List<Case> fieldCases(JsonNode validBody, int count) {
        List<String> fields = new ArrayList<>();
        collectPointers(validBody, "", fields);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = validBody.isObject() ? (ObjectNode) validBody.deepCopy() : nodes.objectNode();
            String pointer = fields.isEmpty() ? "" : fields.get(random.nextInt(fields.size()));
            String name = mutate(body, pointer);
            cases.add(Case.json(name, json.writeValueAsString(body)));
        }
        return cases;
    }

    private String mutate(ObjectNode body, String pointer) {
        int kind = random.nextInt(pointer.isEmpty() ? 2 : 11);
        if (kind == 0) {
            body.put("unexpectedField", "surplus");
            body.putObject("nested").put("x", 1);
            return "extra fields";
        }
        if (kind == 1) {
            body.put("@class", "java.lang.ProcessBuilder");
            body.putArray("@type").add("java.net.URL").add("http://example.org");
            return "type smuggling fields";
        }
        JsonNode replacement = switch (kind) {
            case 2 -> nodes.nullNode();
            case 3 -> nodes.numberNode(random.nextLong());
            case 4 -> nodes.booleanNode(random.nextBoolean());
            case 5 -> nodes.arrayNode().add("x").add(1);
            case 6 -> nodes.objectNode().put("x", "y");
            case 7 -> nodes.stringNode(HUGE);
            case 8 -> nodes.stringNode(EXOTIC.get(random.nextInt(EXOTIC.size())));
            case 9 -> nodes.stringNode(List.of("2026-02-30", "2026-13-01", "0000-00-00", "26-1-5", "2026-01-05T00:00:00Z",
                    "99999-01-01", "", "yesterday", "NOT_A_VALUE", "c8 ", "caseworker").get(random.nextInt(11)));
            default -> null;
        };
        if (replacement == null) {
            remove(body, pointer);
            return "without " + pointer;
        }
        if (kind == 3 && random.nextBoolean()) {
            replacement = nodes.numberNode(new java.math.BigDecimal("1e400"));
        }
        replace(body, pointer, replacement);
        return pointer + " = " + describe(replacement);
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }

    private static void collectPointers(JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String pointer = at + "/" + property.getKey();
                pointers.add(pointer);
                collectPointers(property.getValue(), pointer, pointers);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            pointers.add(at + "/0");
            collectPointers(node.get(0), at + "/0", pointers);
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }
}
