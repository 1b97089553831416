package dev.backbone.core.plan;

import dev.backbone.core.index.NameIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.PlannedColumn.EnumType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of Enum columns: the Python class ({@code PostStatus}: the model's class and the column
 * in PascalCase), the database type ({@code posts_status}, PostgreSQL {@code CREATE TYPE}) and a
 * member name for every label.
 *
 * <p>All three must be unique where they live: a class name must not meet a model or another
 * enum (nor a name the generated modules import); a type name must not meet another type or a
 * table (in PostgreSQL a table is also a type); member names must be distinct Python
 * identifiers that {@code enum.Enum} accepts. Collisions get a suffix, decided here once, in
 * document order, so every target renders the same names.
 */
final class EnumNames {

    /** Sets of the names taken so far; flat (see {@link NameIndex}): a large document asks tens of thousands of times. */
    private final NameIndex classNames;
    private final NameIndex typeNames;

    /**
     * @param models every model class name of the document
     * @param tables every table name, generated association tables included
     */
    EnumNames(List<String> models, List<String> tables) {
        classNames = new NameIndex(PythonNames.RESERVED_CLASS_NAMES.size() + PythonNames.MODULE_NAMES.size() + 2 * models.size());
        typeNames = new NameIndex(2 * tables.size());
        PythonNames.RESERVED_CLASS_NAMES.forEach(classNames::add);
        PythonNames.MODULE_NAMES.forEach(classNames::add);
        for (String m : models) {
            if (m != null) {
                classNames.add(m);
            }
        }
        for (String t : tables) {
            typeNames.add(t.toLowerCase(Locale.ROOT));
        }
    }

    /** Names the Enum column {@code column} of a table; call in document order. */
    EnumType name(String modelClass, String table, String column, List<String> labels) {
        String base = modelClass + PythonNames.pascal(column);
        String className = base;
        if (classNames.contains(className)) {
            className = base + "Enum";
            for (int n = 2; classNames.contains(className); n++) {
                className = base + "Enum" + n;
            }
        }
        classNames.add(className);
        String typeBase = SqlNames.enumType(table, column);
        String typeName = typeBase;
        if (typeNames.contains(typeName.toLowerCase(Locale.ROOT))) {
            typeName = typeBase + "_enum";
            for (int n = 2; typeNames.contains(typeName.toLowerCase(Locale.ROOT)); n++) {
                typeName = typeBase + "_enum" + n;
            }
        }
        typeNames.add(typeName.toLowerCase(Locale.ROOT));
        List<String> values = labels == null ? List.of() : labels;
        return new EnumType(className, typeName, values, memberNames(values));
    }

    /**
     * One member name per label: upper snake case of its ASCII letters and digits
     * ({@code in-progress} and {@code inProgress} give {@code IN_PROGRESS}, accents are dropped),
     * {@code VALUE_<digits>} for a label with digits but no letter, {@code VALUE_<n>} (its 1-based
     * position) for one with neither; {@code _2}, {@code _3}, ... when two labels meet.
     */
    static List<String> memberNames(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = memberName(values.get(i), i + 1);
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + "_" + n;
            }
            out.add(unique);
        }
        return out;
    }

    static String memberName(String value, int position) {
        String plain = isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(plain.length() + 4);
        boolean letters = false;
        char prev = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean letter = c < 128 && Character.isLetter(c);
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit) {
                if (Character.getType(c) != Character.NON_SPACING_MARK && b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    prev = 0;
                }
                continue;
            }
            if (letter && Character.isUpperCase(c) && prev != 0) {
                boolean fromLower = Character.isLowerCase(prev) || Character.isDigit(prev);
                char next = i + 1 < plain.length() ? plain.charAt(i + 1) : 0;
                boolean acronymEnd = Character.isUpperCase(prev) && next < 128 && Character.isLowerCase(next);
                if ((fromLower || acronymEnd) && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
            }
            letters |= letter;
            b.append(Character.toUpperCase(c));
            prev = c;
        }
        int start = 0;
        int end = b.length();
        while (start < end && b.charAt(start) == '_') {
            start++;
        }
        while (end > start && b.charAt(end - 1) == '_') {
            end--;
        }
        String name = b.substring(start, end);
        if (name.isEmpty()) {
            return "VALUE_" + position;
        }
        if (!letters || Character.isDigit(name.charAt(0))) {
            return "VALUE_" + name;
        }
        return name;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
