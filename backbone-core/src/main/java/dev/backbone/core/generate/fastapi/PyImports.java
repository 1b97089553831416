package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.sqlalchemy.BlackLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The absolute imports of one module of the app, in the order ruff's isort rules ({@code I})
 * and black accept: standard library, third party, then the project's {@code app} package;
 * {@code import x} before {@code from x import}; modules in natural, case-insensitive order;
 * names by type (CONSTANTS, Classes, functions).
 */
public final class PyImports {

    /** Third-party top-level packages the app imports; everything else not {@code app} is the standard library. */
    private static final Set<String> THIRD_PARTY = Set.of("fastapi", "httpx", "pydantic", "pydantic_settings", "sqlalchemy", "pytest", "starlette");

    /** isort's natural, case-insensitive order of module and name strings. */
    public static final Comparator<String> NATURAL = PyImports::natural;

    private static final Comparator<String> BY_TYPE = Comparator.<String>comparingInt(n -> {
        String bare = n.contains(" as ") ? n.substring(0, n.indexOf(" as ")) : n;
        if (bare.length() > 1 && bare.equals(bare.toUpperCase()) && !bare.equals(bare.toLowerCase())) {
            return 0;
        }
        return Character.isUpperCase(bare.charAt(0)) ? 1 : 2;
    }).thenComparing(NATURAL);

    private final List<Map<String, Set<String>>> from = List.of(new TreeMap<>(NATURAL), new TreeMap<>(NATURAL), new TreeMap<>(NATURAL));
    private final List<Set<String>> plain = List.of(new TreeSet<>(NATURAL), new TreeSet<>(NATURAL), new TreeSet<>(NATURAL));

    private static int section(String module) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        if (top.equals("app") || top.equals("tests")) {
            return 2;
        }
        return THIRD_PARTY.contains(top) ? 1 : 0;
    }

    /** {@code import module}. */
    PyImports module(String module) {
        plain.get(section(module)).add(module);
        return this;
    }

    /** {@code from module import name} (a name may be {@code x as y}). */
    PyImports from(String module, String... names) {
        Set<String> set = from.get(section(module)).computeIfAbsent(module, k -> new TreeSet<>(BY_TYPE));
        set.addAll(List.of(names));
        return this;
    }

    /** The import block, sections separated by one blank line, without a trailing newline. */
    String text() {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<String> lines = new ArrayList<>();
            plain.get(s).forEach(m -> lines.add("import " + m));
            for (Map.Entry<String, Set<String>> e : from.get(s).entrySet()) {
                List<String> aliased = e.getValue().stream().filter(n -> n.contains(" as ")).toList();
                List<String> names = e.getValue().stream().filter(n -> !n.contains(" as ")).toList();
                if (!names.isEmpty()) {
                    lines.addAll(BlackLayout.importFrom(e.getKey(), names));
                }
                for (String a : aliased) {
                    lines.addAll(BlackLayout.importFrom(e.getKey(), List.of(a)));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(lines);
        }
        return String.join("\n", out);
    }

    /** isort's natural order: case-insensitive, runs of digits compared as numbers. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
                continue;
            }
            int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (c != 0) {
                return c;
            }
            i++;
            j++;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
