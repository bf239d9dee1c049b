package org.psi.common.test.fuzz;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Changes to a valid JSON tree: one node replaced by a hostile value, removed, or a field added or repeated. */
public final class Mutations {

    private Mutations() {
    }

    /** A changed tree and what was changed. */
    public record Mutated(Object value, String description) {
    }

    private record Node(Object parent, Object key, Object value, String path) {
    }

    /** Mutates one node of {@code tree} (a fresh copy the caller owns). */
    @SuppressWarnings("unchecked")
    public static Mutated mutateTree(Gen g, Object tree) {
        List<Node> nodes = new ArrayList<>();
        collect(null, null, tree, "", nodes);
        if (nodes.isEmpty()) {
            Object v = Hostile.instead(g, tree);
            return new Mutated(v, "body := " + show(v));
        }
        Node n = g.pick(nodes);
        int op = g.weighted(14, 3, 2, 1);
        if (op == 0 || n.parent() == null) {
            Object v = Hostile.instead(g, n.value());
            set(n, v);
            return new Mutated(tree, n.path() + " := " + show(v));
        }
        if (op == 1) {
            if (n.parent() instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).remove(n.key());
            } else {
                ((List<Object>) n.parent()).remove((int) (Integer) n.key());
            }
            return new Mutated(tree, n.path() + " removed");
        }
        if (op == 2) {
            String name = g.chance(0.6) ? g.pick("id", "extra", "admin", "__proto__", "constructor", "workerId", "status", "")
                    : g.next(Hostile.STRINGS);
            Object v = g.chance(0.5) ? Hostile.anyJson(g, 0) : n.value();
            if (n.parent() instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put(name, v);
                return new Mutated(tree, "added field " + show(name) + " = " + show(v) + " beside " + n.path());
            }
            ((List<Object>) n.parent()).add(v);
            return new Mutated(tree, "added item " + show(v) + " after " + n.path());
        }
        // the same key twice: the first valid, the second hostile (or the other way round)
        if (n.parent() instanceof Map<?, ?> m) {
            Object v = Hostile.instead(g, n.value());
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            boolean hostileFirst = g.chance(0.5);
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (e.getKey().equals(n.key()) && hostileFirst) {
                    entries.add(new AbstractMap.SimpleEntry<>(e.getKey(), v));
                }
                entries.add(new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue()));
                if (e.getKey().equals(n.key()) && !hostileFirst) {
                    entries.add(new AbstractMap.SimpleEntry<>(e.getKey(), v));
                }
            }
            Json.Pairs pairs = new Json.Pairs(entries);
            if (n.path().equals(String.valueOf(n.key()))) {
                return new Mutated(pairs, n.path() + " twice, once := " + show(v));
            }
            replaceContainer(tree, m, pairs);
            return new Mutated(tree, n.path() + " twice, once := " + show(v));
        }
        ((List<Object>) n.parent()).add(n.value());
        return new Mutated(tree, n.path() + " repeated");
    }

    /** How many nodes (fields, items, nested ones) {@code tree} has below its root, at most 50 items a list. */
    public static int nodes(Object tree) {
        List<Node> nodes = new ArrayList<>();
        collect(null, null, tree, "", nodes);
        return nodes.size();
    }

    /** Node {@code index} of {@code tree} (in {@link #nodes} order) replaced by a hostile value of its kind or another. */
    public static Mutated replace(Gen g, Object tree, int index) {
        List<Node> nodes = new ArrayList<>();
        collect(null, null, tree, "", nodes);
        Node n = nodes.get(index);
        Object v = Hostile.instead(g, n.value());
        set(n, v);
        return new Mutated(tree, n.path() + " := " + show(v));
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object parent, Object key, Object value, String path, List<Node> out) {
        if (parent != null) {
            out.add(new Node(parent, key, value, path));
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                collect(m, e.getKey(), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size() && i < 50; i++) {
                collect(l, i, l.get(i), path + "[" + i + "]", out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Node n, Object v) {
        if (n.parent() instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put((String) n.key(), v);
        } else {
            ((List<Object>) n.parent()).set((Integer) n.key(), v);
        }
    }

    /** Puts {@code replacement} where {@code container} is inside {@code tree}. */
    @SuppressWarnings("unchecked")
    private static boolean replaceContainer(Object tree, Object container, Object replacement) {
        if (tree instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (e.getValue() == container) {
                    e.setValue(replacement);
                    return true;
                }
                if (replaceContainer(e.getValue(), container, replacement)) {
                    return true;
                }
            }
        } else if (tree instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == container) {
                    list.set(i, replacement);
                    return true;
                }
                if (replaceContainer(list.get(i), container, replacement)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short, printable form of a value for the report: escapes shown, long values cut. */
    public static String show(Object v) {
        String s = v instanceof String str ? Json.write(str) : v instanceof Json.Pairs ? Json.write(v) : Json.write(Json.copy(v));
        return Requests.printable(s, 80);
    }

    /** A map with the entries in order (Map.of has none). */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
