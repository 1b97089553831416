package dev.backbone.core.validate.rules;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.json.Position;
import dev.backbone.core.schema.Locations;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Suggestions;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Limits;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a rule sees while the validator walks one document: the schema, its index, the limits,
 * and where to report. Reporting goes through here so every finding points at the exact value
 * (or, for an absent field, carries the field's pointer at the position of the element lacking
 * it), and so rules can stay quiet about a value the reader already rejected.
 */
public final class ValidationContext {

    /** "Did you mean" lookups cost a scan of the candidates; a document full of typos gets a few, not thousands. */
    private static final int HINT_BUDGET = 64;

    /** Beyond this many candidates a hint costs more than it helps. */
    private static final int MAX_HINT_CANDIDATES = 2000;

    private final Schema schema;
    private final DocumentIndex index;
    private final Limits limits;
    private final Set<String> readerPointers = new HashSet<>();
    private final List<Finding> out;
    private int hintsLeft = HINT_BUDGET;

    public ValidationContext(DocumentIndex index, Limits limits, List<Finding> readerFindings, List<Finding> out) {
        this.schema = index.schema();
        this.index = index;
        this.limits = limits == null ? Limits.DEFAULTS : limits;
        this.out = out;
        for (Finding f : readerFindings) {
            readerPointers.add(f.path());
        }
    }

    public Schema schema() {
        return schema;
    }

    public DocumentIndex index() {
        return index;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Reports {@code code} about {@code field} of an element: at its value, or at the element when
     * the field is absent; a null {@code field} means the element as a whole. {@code args} fill
     * the code's template.
     */
    public void report(FindingCode code, Locations at, String field, Object... args) {
        Locations l = safe(at);
        out.add(field == null ? code.at(l.self(), args) : code.at(l.pointerOf(field), l.of(field), args));
    }

    /**
     * Reports that {@code field} is missing, unless the reader already reported its value: a value
     * of the wrong JSON type reads as absent, and the reader's finding says what is wrong with it.
     */
    public void reportMissing(FindingCode code, Locations at, String field, Object... args) {
        if (!readerReported(at, field)) {
            report(code, at, field, args);
        }
    }

    /** Reports at a position known otherwise (a value inside a JSON default). */
    public void report(FindingCode code, Position at, Object... args) {
        out.add(code.at(at == null ? Position.ROOT : at, args));
    }

    /** Whether anything reported so far, the reader's findings included, is an error. */
    public boolean hasErrors() {
        for (Finding f : out) {
            if (f.isError()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the reader already reported the value of {@code field} (so a rule need not say more). */
    public boolean readerReported(Locations at, String field) {
        return !readerPointers.isEmpty() && readerPointers.contains(safe(at).pointerOf(field));
    }

    /** Whether {@code field} appears in the element at all (with any value, even a mistyped one). */
    public static boolean present(Locations at, String field) {
        return at != null && at.has(field);
    }

    /** {@code " Did you mean `x`?"} for the closest of {@code known}, or an empty string. */
    public String didYouMean(String word, Collection<String> known) {
        if (word == null || known.isEmpty() || known.size() > MAX_HINT_CANDIDATES || hintsLeft <= 0) {
            return "";
        }
        hintsLeft--;
        for (String k : known) {
            if (k.equalsIgnoreCase(word)) {
                return " Did you mean `" + k + "`?";
            }
        }
        // Suggestions compares in lower case; compare the candidates so too, then answer in their spelling
        Map<String, String> byLower = new HashMap<>();
        for (String k : known) {
            byLower.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        String best = Suggestions.closest(word, byLower.keySet());
        return best == null ? "" : " Did you mean `" + byLower.get(best) + "`?";
    }

    /** {@code "line 12"}: where an earlier element sits, for messages that point back to it. */
    static String lineOf(Locations at, String field) {
        return "line " + safe(at).of(field).line();
    }

    static Locations safe(Locations at) {
        return at == null ? Locations.NONE : at;
    }
}
