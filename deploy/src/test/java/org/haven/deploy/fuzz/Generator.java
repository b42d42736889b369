package org.haven.deploy.fuzz;

import org.haven.deploy.fuzz.Endpoint.Effect;
import org.haven.deploy.fuzz.Field.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes requests for an endpoint from its contract: valid ones, and broken ones with one or two mutations of the
 * body, the path, the query or the headers. Everything comes from one seeded {@link Random}, so a seed replays a run.
 */
final class Generator {

    /** Where valid requests get the ids they need; the fuzzer keeps these current. */
    interface Context {
        /** A case that valid writes go to. */
        String workCase();

        /** A case that only broken writes go to; its history must never change. */
        String pristineCase();

        String rfeId();

        String webhookId();

        String replayId();

        String notificationId();

        String receiverUrl();

        /** The organization's notification preferences as GET answers them. */
        JsonNode currentPreferences();
    }

    /** A request to send. {@code mutation} is null for a valid one. */
    record Request(Endpoint endpoint, String path, String query, Map<String, String> headers, byte[] body,
                   String mutation, boolean toPristineCase) {

        boolean valid() {
            return mutation == null;
        }

        String target() {
            return path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RAW = "\u0001raw:"; // marks a value to be written into the JSON text as is

    private final Random random;
    private final Context context;

    Generator(Random random, Context context) {
        this.random = random;
        this.context = context;
    }

    Request valid(Endpoint endpoint) {
        return build(endpoint, false);
    }

    Request broken(Endpoint endpoint) {
        return build(endpoint, true);
    }

    private Request build(Endpoint endpoint, boolean broken) {
        boolean pristine = broken && endpoint.template().contains("{caseId}") && endpoint.effect() == Effect.CASE_EVENT;
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String placeholder : placeholders(endpoint.template())) {
            pathValues.put(placeholder, switch (placeholder) {
                case "caseId" -> pristine ? context.pristineCase() : context.workCase();
                case "rfeId" -> context.rfeId();
                case "webhookId" -> context.webhookId();
                case "replayId" -> context.replayId();
                case "notificationId" -> context.notificationId();
                default -> UUID.randomUUID().toString();
            });
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (endpoint.apiKey() != null) {
            headers.put("X-API-Key", endpoint.apiKey());
        }
        headers.put("Accept", "application/json");
        Map<String, Object> body = endpoint.hasBody() ? object(endpoint.body()) : null;
        Map<String, String> query = new LinkedHashMap<>();
        for (Field parameter : endpoint.query()) {
            if (parameter.required() || random.nextInt(3) == 0) {
                Object value = valid(parameter);
                if (value != null) {
                    query.put(parameter.name(), String.valueOf(value));
                }
            }
        }
        String rawBody = null;
        List<String> mutations = new ArrayList<>();
        if (broken) {
            int count = random.nextInt(10) < 7 ? 1 : 2;
            for (int i = 0; i < count; i++) {
                Mutated mutated = mutate(endpoint, body, query, pathValues, headers, rawBody);
                mutations.add(mutated.label());
                rawBody = mutated.rawBody();
            }
        }
        if (endpoint.hasBody() && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        String path = endpoint.template();
        for (var entry : pathValues.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        byte[] bytes = null;
        if (endpoint.hasBody() || rawBody != null) {
            bytes = (rawBody != null ? rawBody : write(body)).getBytes(StandardCharsets.UTF_8);
            if (rawBody != null && rawBody.startsWith(RAW + "bytes")) {
                bytes = new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'};
            }
        }
        String queryString = String.join("&", query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue())).toList());
        return new Request(endpoint, path, queryString, headers, bytes, broken ? String.join(" + ", mutations) : null,
                pristine);
    }

    // --- valid values ---------------------------------------------------------------------------------

    Map<String, Object> object(List<Field> fields) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.required() || random.nextBoolean()) {
                Object value = valid(field);
                if (value != null) {
                    object.put(field.name(), value);
                }
            }
        }
        return object;
    }

    private Object valid(Field field) {
        LocalDate today = LocalDate.now();
        return switch (field.kind()) {
            case DATE -> today.minusDays(1 + random.nextInt(700)).toString();
            case FUTURE_DATE -> today.plusDays(30 + random.nextInt(700)).toString();
            case INSTANT -> Instant.now().minusSeconds(random.nextInt(3600)).toString();
            case PERIOD -> "P" + (1 + random.nextInt(90)) + "D";
            case STRING -> switch (field.name()) {
                case "assignee" -> "user:caseworker-a";
                case "projection" -> "case-summary";
                case "cursor" -> null;
                case "q" -> "fuzz";
                default -> words(Math.min(field.max() > 0 ? field.max() : 60, 60));
            };
            case ENUM -> field.values().get(random.nextInt(field.values().size()));
            case BOOLEAN -> random.nextBoolean();
            case INTEGER -> 1 + random.nextInt(50);
            case UUID -> context.workCase();
            case RECEIPT -> "IOE" + String.format("%010d", Math.abs(random.nextLong() % 10_000_000_000L));
            case COUNTRY -> pick("UA", "SV", "HT", "VE", "AF", "SY");
            case LANGUAGE -> pick("en", "es");
            case URL -> context.receiverUrl();
            case LIST -> {
                List<String> values = new ArrayList<>(field.values());
                java.util.Collections.shuffle(values, random);
                yield List.copyOf(values.subList(0, 1 + random.nextInt(values.size())));
            }
            case OBJECT -> object(field.fields());
            case SCREENING_EVENTS -> screeningEvents();
            case CURRENT -> JSON.convertValue(context.currentPreferences().path(field.name()), Object.class);
        };
    }

    private List<Object> screeningEvents() {
        LocalDate entry = LocalDate.now().minusDays(30 + random.nextInt(600));
        List<Object> events = new ArrayList<>();
        events.add(Map.of("type", "EntryRecorded", "date", entry.toString(), "manner", "PAROLED"));
        if (random.nextBoolean()) {
            events.add(Map.of("type", "ParoleGranted", "grantedOn", entry.minusDays(10).toString(),
                    "validUntil", entry.plusYears(2).toString()));
        }
        if (random.nextBoolean()) {
            events.add(Map.of("type", "AsylumFiled", "filedOn", entry.plusDays(20).toString()));
        }
        return events;
    }

    private String words(int max) {
        String[] words = {"Olena", "María", "Nguyễn", "José", "Ahmad", "Li", "Kovalenko", "García", "notes", "follow", "up"};
        StringBuilder text = new StringBuilder(words[random.nextInt(words.length)]);
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            text.append(' ').append(words[random.nextInt(words.length)]);
        }
        return text.length() > max ? text.substring(0, max) : text.toString();
    }

    // --- mutations -----------------------------------------------------------------------------------

    private record Mutated(String label, String rawBody) {
    }

    private Mutated mutate(Endpoint endpoint, Map<String, Object> body, Map<String, String> query,
                           Map<String, String> pathValues, Map<String, String> headers, String rawBody) {
        List<Supplier<Mutated>> choices = new ArrayList<>();
        if (body != null && rawBody == null) {
            for (int i = 0; i < 6; i++) {
                choices.add(() -> mutateField(endpoint.body(), body));
            }
            choices.add(() -> mutateBody(body));
            choices.add(() -> mutateBody(body));
            choices.add(() -> mutateHeaders(headers, true));
        }
        if (!pathValues.isEmpty()) {
            choices.add(() -> mutatePath(pathValues));
            choices.add(() -> mutatePath(pathValues));
        }
        if (!endpoint.query().isEmpty() || endpoint.method().equals("GET")) {
            for (int i = 0; i < 3; i++) {
                choices.add(() -> mutateQuery(endpoint.query(), query));
            }
        }
        if (choices.isEmpty()) {
            choices.add(() -> mutateHeaders(headers, false));
            choices.add(() -> mutateQuery(endpoint.query(), query));
        }
        choices.add(() -> mutateHeaders(headers, body != null));
        Mutated mutated = choices.get(random.nextInt(choices.size())).get();
        return new Mutated(mutated.label(), mutated.rawBody() != null ? mutated.rawBody() : rawBody);
    }

    /** Changes one field (at any depth) of the body: gone, null, of another type, or an awkward value of its own type. */
    @SuppressWarnings("unchecked")
    private Mutated mutateField(List<Field> fields, Map<String, Object> body) {
        Field field = fields.get(random.nextInt(fields.size()));
        if (field.kind() == Kind.OBJECT && body.get(field.name()) instanceof Map<?, ?> nested && random.nextBoolean()) {
            Mutated inner = mutateField(field.fields(), (Map<String, Object>) nested);
            return new Mutated(field.name() + "." + inner.label(), inner.rawBody());
        }
        int choice = random.nextInt(10);
        if (choice == 0) {
            body.remove(field.name());
            return new Mutated("missing " + field.name() + (field.required() ? " (required)" : ""), null);
        }
        if (choice == 1) {
            body.put(field.name(), null);
            return new Mutated(field.name() + "=null", null);
        }
        if (choice == 2) {
            Object wrong = pick(12345, -1, true, List.of(), Map.of(), 0.5, List.of(1, 2), Map.of("value", "x"));
            body.put(field.name(), wrong);
            return new Mutated(field.name() + "=" + write(wrong) + " (wrong type)", null);
        }
        Object awkward = awkward(field);
        body.put(field.name(), awkward);
        return new Mutated(field.name() + "=" + shortly(awkward), null);
    }

    /** A value of roughly the field's own type that the contract does not allow, or that stresses the parser. */
    private Object awkward(Field field) {
        return switch (field.kind()) {
            case DATE, FUTURE_DATE -> pick("2026-02-30", "2026-13-01", "2025-02-29", "0000-00-00", "2026-1-5", "05/01/2026",
                    "2026-01-05T00:00:00Z", "+10000-01-01", "-2026-01-01", "9999-12-31", "1800-01-01", "", " ", "today",
                    "２０２６-０１-０５", raw("20260105"), raw("1e309"), "2026-01-05\u0000", "2026-01-32");
            case INSTANT -> pick("2026-02-30T00:00:00Z", "yesterday", "2026-01-05", "1e309", "+1000000000-01-01T00:00:00Z", "");
            case PERIOD -> pick("P-1D", "PT1H", "P1000000000Y", "abc", "", "P", "P30");
            case INTEGER -> pick(raw("99999999999999999999999999"), raw("1e309"), raw("-1"), raw("0"), raw("1.5"), "12", raw("-0"));
            case ENUM -> pick("NOT_A_VALUE", "", field.values().getFirst().toLowerCase(java.util.Locale.ROOT),
                    " " + field.values().getFirst(), field.values().getFirst() + "\u0000", "'; drop table case_summary;--",
                    field.values().getFirst().repeat(1000));
            case BOOLEAN -> pick("true", "yes", raw("1"), raw("0"), "", "TRUE");
            case UUID -> pick("not-a-uuid", "00000000-0000-0000-0000-00000000000", UUID.randomUUID().toString());
            case RECEIPT -> pick("IOE091234567", "ioe0912345678", "IOE09123456789", "IO10912345678", "", "ＩＯＥ0912345678");
            case COUNTRY -> pick("ua", "UKR", "", "U1", "ZZ", "Ü");
            case LANGUAGE -> pick("EN", "fr", "", "english", "e");
            case URL -> pick("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "ftp://127.0.0.1/x",
                    "not a url", "https://", "http://[::1]:1/x", "javascript:alert(1)", "http://localhost:0/x", "");
            case LIST -> pick(List.of(), List.of("NotAnEventType"), List.of(""), raw("[null]"), "CaseOpened",
                    java.util.Collections.nCopies(200, "CaseOpened"));
            case OBJECT -> pick("a string", List.of(), raw("[]"));
            case SCREENING_EVENTS -> pick(List.of(Map.of("type", "NoSuchEvent")), List.of(Map.of()), raw("[null]"),
                    List.of(Map.of("type", "EntryRecorded", "date", "2026-02-30", "manner", "PAROLED")),
                    java.util.Collections.nCopies(2000, Map.of("type", "EntryRecorded", "date", "2025-01-04", "manner", "PAROLED")),
                    List.of(Map.of("type", "ParoleGranted", "grantedOn", "2025-01-01")));
            case CURRENT -> pick(Map.of("NO_SUCH_DEADLINE", List.of(30)), Map.of("PAROLE_EXPIRY", List.of()),
                    Map.of("PAROLE_EXPIRY", List.of(-5)), Map.of("PAROLE_EXPIRY", java.util.Collections.nCopies(50, 1)), "x");
            case STRING -> awkwardString(field.max());
        };
    }

    private Object awkwardString(int max) {
        int limit = max > 0 ? max : 200;
        return pick("", "   ", "x".repeat(limit + 1), "y".repeat(100_000), "\u202Eevil\u202C", "😀".repeat(50),
                "e\u0301\u0301\u0301", "\u0000", raw("\"\\ud800\""), raw("\"\\udfff\\ud800\""), "null", "<script>alert(1)</script>",
                "' OR 1=1 --", "%00%0a", "../../etc/passwd", "\t\n\r", "Ω≈ç√∫˜µ≤≥÷", "\uFEFFbom", "${jndi:ldap://127.0.0.1/x}",
                "{{7*7}}", "a\u2028b");
    }

    /** Changes the body as a whole: extra fields, other JSON values, broken JSON, too large, too deep. */
    private Mutated mutateBody(Map<String, Object> body) {
        String valid = write(body);
        return switch (random.nextInt(14)) {
            case 0 -> {
                body.put("unexpectedField", "x");
                yield new Mutated("extra field", null);
            }
            case 1 -> new Mutated("empty body", "");
            case 2 -> new Mutated("body null", "null");
            case 3 -> new Mutated("body []", "[]");
            case 4 -> new Mutated("body is a string", "\"text\"");
            case 5 -> new Mutated("truncated JSON", valid.substring(0, Math.max(1, valid.length() / 2)));
            case 6 -> new Mutated("trailing garbage", valid + "xyz");
            case 7 -> new Mutated("duplicate key", valid.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,"));
            case 8 -> new Mutated("nested 100000 deep", "[".repeat(100_000) + "]".repeat(100_000));
            case 9 -> new Mutated("body of 1.5 MB", "{\"padding\":\"" + "p".repeat(1_500_000) + "\"}");
            case 10 -> new Mutated("JSON with a comment", valid.replaceFirst("\\{", "{/* comment */"));
            case 11 -> new Mutated("invalid UTF-8 bytes", RAW + "bytes");
            case 12 -> new Mutated("single quotes", valid.replace('"', '\''));
            default -> new Mutated("number 1e309 as body", "1e309");
        };
    }

    private Mutated mutatePath(Map<String, String> pathValues) {
        List<String> names = new ArrayList<>(pathValues.keySet());
        String name = names.get(random.nextInt(names.size()));
        String bad = pick("not-a-uuid", "00000000-0000-0000-0000-000000000000", UUID.randomUUID().toString(), "1",
                "%20", "%00", "..%2F..%2Factuator%2Fenv", "a".repeat(5000), "%7BcaseId%7D", "%C3%BC",
                pathValues.get(name).toUpperCase(java.util.Locale.ROOT), "-1", "9223372036854775808", "null");
        pathValues.put(name, bad);
        return new Mutated(name + "=" + shortly(bad) + " (path)", null);
    }

    private Mutated mutateQuery(List<Field> parameters, Map<String, String> query) {
        if (parameters.isEmpty() || random.nextInt(5) == 0) {
            String name = pick("unknown", "limit", "page", "sort", "asOf");
            String value = pick("1", "x".repeat(10_000), "-1", "%00", "😀");
            query.put(name, value);
            return new Mutated("query " + name + "=" + shortly(value), null);
        }
        Field parameter = parameters.get(random.nextInt(parameters.size()));
        Object value = switch (parameter.kind()) {
            case INTEGER -> pick("-1", "0", "99999999999999999999", "abc", "", "1.5", "1e3", "2147483648");
            default -> awkward(parameter) instanceof String text ? text : pick("", "x".repeat(10_000));
        };
        String text = value instanceof String s && s.startsWith(RAW) ? s.substring(RAW.length()) : String.valueOf(value);
        query.put(parameter.name(), text);
        return new Mutated("query " + parameter.name() + "=" + shortly(text), null);
    }

    private Mutated mutateHeaders(Map<String, String> headers, boolean hasBody) {
        int choice = random.nextInt(hasBody ? 7 : 4);
        return switch (choice) {
            case 0 -> {
                headers.put("Accept", pick("application/xml", "text/html", "image/png"));
                yield new Mutated("Accept " + headers.get("Accept"), null);
            }
            case 1 -> {
                headers.put("If-Match", pick("\"abc\"", "\"-1\"", "\"99999999999999999999\"", "*", "W/\"1\"", "\"0\"", "\"\""));
                yield new Mutated("If-Match " + headers.get("If-Match"), null);
            }
            case 2 -> {
                headers.remove("X-API-Key");
                headers.put("X-API-Key", pick("hvn_dev_a_caseworke", "", "hvn_dev_b_caseworker", "x".repeat(5000)));
                yield new Mutated("X-API-Key " + shortly(headers.get("X-API-Key")), null);
            }
            case 3 -> {
                headers.put("Idempotency-Key", pick("x".repeat(5000), "😀", " ", UUID.randomUUID().toString()));
                yield new Mutated("Idempotency-Key " + shortly(headers.get("Idempotency-Key")), null);
            }
            case 4 -> {
                headers.put("Content-Type", pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"));
                yield new Mutated("Content-Type " + headers.get("Content-Type"), null);
            }
            case 5 -> {
                headers.put("Content-Type", "application/json");
                headers.put("Content-Encoding", "gzip");
                yield new Mutated("Content-Encoding gzip on a plain body", null);
            }
            default -> {
                headers.put("X-Haven-Organization", "org-b");
                headers.put("X-Forwarded-For", "127.0.0.1");
                yield new Mutated("spoofed identity headers", null);
            }
        };
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Object raw(String json) {
        return RAW + json;
    }

    /** JSON text of a body, with raw values (numbers JSON cannot hold, escaped lone surrogates) written as given. */
    static String write(Object value) {
        List<String> raws = new ArrayList<>();
        String text = JSON.writeValueAsString(substitute(value, raws));
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"@@RAW" + i + "@@\"", raws.get(i));
        }
        return text;
    }

    private static Object substitute(Object value, List<String> raws) {
        if (value instanceof String text && text.startsWith(RAW)) {
            raws.add(text.substring(RAW.length()));
            return "@@RAW" + (raws.size() - 1) + "@@";
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, substitute(item, raws)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(substitute(item, raws)));
            return copy;
        }
        return value;
    }

    private static String shortly(Object value) {
        String text = value instanceof String s && s.startsWith(RAW) ? s.substring(RAW.length()) : write(value);
        text = text.replace("\u0000", "\\0");
        return text.length() > 40 ? text.substring(0, 37) + "…(" + text.length() + " chars)" : text;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
