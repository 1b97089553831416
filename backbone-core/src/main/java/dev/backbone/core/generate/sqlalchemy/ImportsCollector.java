package dev.backbone.core.generate.sqlalchemy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The imports of one generated module, collected from what its statements actually use (so
 * pyflakes never finds an unused one) and written in isort's order: standard library, then
 * SQLAlchemy, then the package's own modules; plain {@code import x} before {@code from x import}
 * in a section; constants, then classes, then functions within one {@code from} line.
 * Imports needed only by type annotations of other models go under {@code if TYPE_CHECKING:}
 * (models reference each other both ways; importing them at run time would be circular).
 */
final class ImportsCollector {

    /** isort's order_by_type: CONSTANTS, Classes, functions. */
    private static final Comparator<String> BY_TYPE = Comparator.<String>comparingInt(n -> {
        if (n.length() > 1 && n.equals(n.toUpperCase()) && !n.equals(n.toLowerCase())) {
            return 0;
        }
        return Character.isUpperCase(n.charAt(0)) ? 1 : 2;
    }).thenComparing(Comparator.naturalOrder());

    private final Set<String> stdlib = new TreeSet<>();
    private final Map<String, Set<String>> stdlibFrom = new TreeMap<>(dev.backbone.core.generate.fastapi.PyImports.NATURAL);
    private boolean sqlalchemy;
    private final Map<String, Set<String>> sqlalchemyFrom = new TreeMap<>();
    private final Map<String, Set<String>> local = new TreeMap<>(dev.backbone.core.generate.fastapi.PyImports.NATURAL);
    private final Map<String, Set<String>> typeChecking = new TreeMap<>(dev.backbone.core.generate.fastapi.PyImports.NATURAL);

    /** {@code import datetime}. */
    ImportsCollector module(String module) {
        stdlib.add(module);
        return this;
    }

    /** {@code from typing import Optional}. */
    ImportsCollector typing(String name) {
        return from(stdlibFrom, "typing", name);
    }

    /** {@code import sqlalchemy as sa}. */
    ImportsCollector sa() {
        sqlalchemy = true;
        return this;
    }

    /** {@code from sqlalchemy.orm import Mapped}. */
    ImportsCollector orm(String name) {
        return from(sqlalchemyFrom, "sqlalchemy.orm", name);
    }

    /** {@code from .base import Base} (a module of the generated package). */
    ImportsCollector local(String module, String name) {
        return from(local, "." + module, name);
    }

    /** {@code from .user import User} under {@code if TYPE_CHECKING:}. */
    ImportsCollector typeChecking(String module, String name) {
        typing("TYPE_CHECKING");
        return from(typeChecking, "." + module, name);
    }

    private ImportsCollector from(Map<String, Set<String>> section, String module, String name) {
        section.computeIfAbsent(module, k -> new TreeSet<>(BY_TYPE)).add(name);
        return this;
    }

    /** The import block: sections separated by one blank line. */
    List<String> lines() {
        List<List<String>> sections = new ArrayList<>();
        List<String> std = new ArrayList<>();
        stdlib.forEach(m -> std.add("import " + m));
        stdlibFrom.forEach((m, names) -> std.addAll(BlackLayout.importFrom(m, List.copyOf(names))));
        sections.add(std);
        List<String> third = new ArrayList<>();
        if (sqlalchemy) {
            third.add("import sqlalchemy as sa");
        }
        sqlalchemyFrom.forEach((m, names) -> third.addAll(BlackLayout.importFrom(m, List.copyOf(names))));
        sections.add(third);
        List<String> own = new ArrayList<>();
        local.forEach((m, names) -> own.addAll(BlackLayout.importFrom(m, List.copyOf(names))));
        sections.add(own);
        List<String> out = new ArrayList<>();
        for (List<String> s : sections) {
            if (s.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(s);
        }
        return out;
    }

    /** The lines inside {@code if TYPE_CHECKING:} (indented), empty when there are none. */
    List<String> typeCheckingLines() {
        List<String> out = new ArrayList<>();
        typeChecking.forEach((m, names) -> out.addAll(BlackLayout.importFrom(4, m, List.copyOf(names))));
        return out;
    }
}
