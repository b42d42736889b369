package org.haven.deploy.manifests;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Reads deploy/compose.yaml and renders a kustomize overlay without the kustomize binary: the base's resources,
 * the overlay's namespace, image tags, strategic-merge patches (maps merged, {@code containers} merged by name,
 * other lists replaced) and JSON 6902 {@code replace} operations. That is the subset the overlays here use.
 * Secret and ConfigMap generators are not rendered (their files are not committed; the tests check them apart);
 * any other kustomization field (name prefixes, components, replacements...) or patch operation makes
 * {@link #renderOverlay} fail rather than render something kustomize would not.
 */
final class Manifests {

    /** The deploy module's directory: Maven runs tests there; an IDE may run them from the repository root. */
    static final Path DEPLOY = Files.isRegularFile(Path.of("compose.yaml")) ? Path.of("") : Path.of("deploy");

    private static final Set<String> RENDERED = Set.of("apiVersion", "kind", "namespace", "resources", "images",
            "patches", "secretGenerator", "configMapGenerator");

    private Manifests() {
    }

    static Map<String, Object> compose() {
        return map(load(DEPLOY.resolve("compose.yaml")).getFirst());
    }

    static List<Map<String, Object>> renderOverlay(String overlay) {
        Path dir = DEPLOY.resolve("k8s/overlays").resolve(overlay);
        Map<String, Object> kustomization = kustomization(dir);
        Set<String> unknown = new HashSet<>(kustomization.keySet());
        unknown.removeAll(RENDERED);
        if (!unknown.isEmpty()) {
            throw new AssertionError(dir + ": kustomization fields this test does not render: " + unknown);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path base = dir.resolve((String) resource).normalize();
            for (Object file : list(kustomization(base).get("resources"))) {
                load(base.resolve((String) file)).forEach(o -> objects.add(map(o)));
            }
        }
        for (Object p : list(kustomization.getOrDefault("patches", List.of()))) {
            Map<String, Object> patch = map(p);
            if (patch.containsKey("path")) {
                for (Object o : load(dir.resolve((String) patch.get("path")))) {
                    Map<String, Object> partial = map(o);
                    Map<String, Object> target = find(objects, (String) partial.get("kind"), name(partial));
                    mergeInto(target, partial);
                }
            } else {
                Map<String, Object> selector = map(patch.get("target"));
                Map<String, Object> target = find(objects, (String) selector.get("kind"), (String) selector.get("name"));
                for (Object op : new Yaml().loadAs((String) patch.get("patch"), List.class)) {
                    replace(target, map(op));
                }
            }
        }
        for (Object i : list(kustomization.getOrDefault("images", List.of()))) {
            Map<String, Object> image = map(i);
            for (Map<String, Object> container : containers(objects)) {
                String current = (String) container.get("image");
                if (current.substring(0, current.lastIndexOf(':')).equals(image.get("name"))) {
                    container.put("image", image.get("name") + ":" + image.get("newTag"));
                }
            }
        }
        Object namespace = kustomization.get("namespace");
        objects.forEach(o -> map(o.get("metadata")).put("namespace", namespace));
        return objects;
    }

    static Map<String, Object> kustomization(Path dir) {
        return map(load(dir.resolve("kustomization.yaml")).getFirst());
    }

    static List<Map<String, Object>> containers(List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> "Deployment".equals(o.get("kind")))
                .flatMap(d -> list(at(d, "spec", "template", "spec", "containers")).stream().map(Manifests::map))
                .toList();
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current == null ? null : map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) Objects.requireNonNull(o, "expected a mapping");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) Objects.requireNonNull(o, "expected a list");
    }

    private static List<Object> load(Path file) {
        try {
            return StreamSupport.stream(new Yaml().loadAll(Files.readString(file)).spliterator(), false)
                    .filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("patch target " + kind + "/" + name + " is not in the base"));
    }

    private static void mergeInto(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                mergeInto(map(existing), map(value));
            } else if ("containers".equals(key) && existing instanceof List<?> && value instanceof List<?>) {
                for (Object c : list(value)) {
                    Map<String, Object> container = map(c);
                    list(existing).stream().map(Manifests::map)
                            .filter(e -> e.get("name").equals(container.get("name"))).findFirst()
                            .ifPresentOrElse(e -> mergeInto(e, container), () -> list(existing).add(container));
                }
            } else {
                target.put(key, value);
            }
        });
    }

    private static void replace(Map<String, Object> target, Map<String, Object> op) {
        if (!"replace".equals(op.get("op"))) {
            throw new AssertionError("only JSON patch 'replace' is rendered here, not " + op.get("op"));
        }
        String[] steps = ((String) op.get("path")).substring(1).split("/");
        Object node = target;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(steps[i])) : map(node).get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (node instanceof List<?>) {
            list(node).set(Integer.parseInt(last), op.get("value"));
        } else {
            Map<String, Object> parent = map(node);
            if (!parent.containsKey(last)) {
                throw new AssertionError("JSON patch replaces a missing " + op.get("path"));
            }
            parent.put(last, op.get("value"));
        }
    }

}
