package org.haven.gateway.docs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges OpenAPI documents into one: the paths each document may contribute (by prefix) and all components.
 * Two services may name different schemas alike ({@code CaseView}); then the later one is renamed
 * {@code <Name>_<service>} and every {@code $ref} of its document follows. What a service says about where it
 * runs ({@code servers}) is dropped: the only server is the gateway.
 */
public final class OpenApiMerger {

    /** One document and the path prefixes it may contribute; an empty list means all its paths. */
    public record Source(String name, JsonNode spec, List<String> pathPrefixes) {
    }

    private static final String SCHEMA_REF = "#/components/";
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    /** @param base the gateway's own document: info, security schemes and its endpoints */
    public static ObjectNode merge(ObjectNode base, List<Source> sources) {
        ObjectNode merged = base.deepCopy();
        merged.remove("servers");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.withObject("paths");
        ObjectNode components = merged.withObject("components");
        Map<String, String> tags = new LinkedHashMap<>();
        merged.path("tags").values().forEach(tag -> tags.putIfAbsent(tag.path("name").asString(), tag.path("description").asString("")));

        for (Source source : sources) {
            ObjectNode spec = renameCollidingComponents(source, components);
            for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
                if (routed(path.getKey(), source.pathPrefixes()) && !paths.has(path.getKey())) {
                    ObjectNode item = (ObjectNode) path.getValue().deepCopy();
                    item.remove("servers");
                    // A service secures its operations with the internal token; publicly the gateway's schemes apply.
                    item.values().forEach(operation -> {
                        if (operation instanceof ObjectNode op) {
                            op.remove("servers");
                            op.remove("security");
                        }
                    });
                    paths.set(path.getKey(), item);
                }
            }
            for (Map.Entry<String, JsonNode> section : spec.path("components").properties()) {
                if (section.getKey().equals("securitySchemes")) {
                    continue; // the gateway's schemes are the public ones; a service's describe its internal token
                }
                ObjectNode target = components.withObject(section.getKey());
                section.getValue().properties().forEach(entry -> target.putIfAbsent(entry.getKey(), entry.getValue().deepCopy()));
            }
            spec.path("tags").values().forEach(tag -> tags.putIfAbsent(tag.path("name").asString(), tag.path("description").asString("")));
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.forEach((name, description) -> {
                ObjectNode tag = tagArray.addObject().put("name", name);
                if (!description.isEmpty()) {
                    tag.put("description", description);
                }
            });
        }
        return merged;
    }

    private static boolean routed(String path, List<String> prefixes) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private static ObjectNode renameCollidingComponents(Source source, ObjectNode existing) {
        ObjectNode spec = (ObjectNode) source.spec().deepCopy();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> section : spec.path("components").properties()) {
            JsonNode already = existing.path(section.getKey());
            for (String name : new ArrayList<>(section.getValue().propertyNames())) {
                if (already.has(name) && !already.get(name).equals(section.getValue().get(name))) {
                    String renamed = name + "_" + source.name().replaceAll("[^A-Za-z0-9]", "");
                    renames.put(SCHEMA_REF + section.getKey() + "/" + name, SCHEMA_REF + section.getKey() + "/" + renamed);
                    ObjectNode sectionNode = (ObjectNode) section.getValue();
                    sectionNode.set(renamed, sectionNode.remove(name));
                }
            }
        }
        if (!renames.isEmpty()) {
            rewriteRefs(spec, renames);
        }
        return spec;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renames.containsKey(ref.stringValue())) {
                object.put("$ref", renames.get(ref.stringValue()));
            }
            for (String key : Set.copyOf(object.propertyNames())) {
                rewriteRefs(object.get(key), renames);
            }
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(element -> rewriteRefs(element, renames));
        }
    }

    static ObjectNode emptyObject() {
        return nodes.objectNode();
    }
}
