package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.rules.ValidationContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each relationship with its mirror on the other table ({@code users} one_to_many
 * {@code posts} with {@code posts} many_to_one {@code users}), so that both models render
 * {@code back_populates} naming each other.
 *
 * <p>Relationships between the same two tables are paired by complementary type and link first
 * (the same foreign key, or the same declared {@code secondary}), then by declaration order. A
 * table pointing at itself pairs within its own list ({@code parent} / {@code children}). What
 * stays alone is either a BACK_POPULATES_MISMATCH (the other side declares a relationship back
 * whose type cannot pair, and one of them claims a {@code back_populates}) or has no mirror
 * (MISSING_BACK_POPULATES, reported once names are known, by {@link RelationshipNames}).
 *
 * <p>Linear in the number of relationships: each side enters a few queues and leaves each once.
 */
final class RelationshipPairing {

    private final ValidationContext ctx;
    private final DocumentIndex doc;
    private final RelationshipLinks links;

    private RelationshipPairing(ValidationContext ctx, ForeignKeys keys) {
        this.ctx = ctx;
        this.doc = keys.doc();
        this.links = new RelationshipLinks(ctx, keys);
    }

    /** Pairs and links {@code sides}, every relationship of the document in document order. */
    static void pair(ValidationContext ctx, ForeignKeys keys, List<RelSide> sides) {
        new RelationshipPairing(ctx, keys).run(sides);
    }

    private void run(List<RelSide> sides) {
        Groups groups = new Groups(doc.size());
        for (RelSide s : sides) {
            links.linkAlone(s);
            int lo = Math.min(s.table, s.target);
            int hi = Math.max(s.table, s.target);
            Group g = groups.of(lo, hi);
            (s.table == lo ? g.low : g.high).add(s);
        }
        for (Group g : groups.inOrder) {
            boolean self = g.high.isEmpty() && !g.low.isEmpty() && g.low.get(0).selfReferential();
            List<RelSide> others = self ? g.low : g.high;
            match(g.low, others);
            leftovers(g.low, others, self);
        }
        links.finish(sides);
    }

    /**
     * The groups, found by their lower table: a table relates to a few others, so a scan of its
     * groups finds the one (a map keyed by the pair boxed a {@code Long} per relationship and
     * scattered its entries over the heap); a table with many partners gets a map of its own.
     */
    private static final class Groups {
        private static final int SCAN_LIMIT = 16;
        final List<Group> inOrder = new ArrayList<>();
        private final List<List<Group>> byLow;
        private final Map<Long, Group> many = new HashMap<>();

        Groups(int tables) {
            byLow = new ArrayList<>(java.util.Collections.nCopies(tables, null));
        }

        /** The group of tables {@code lo} and {@code hi}, made on first use (first-use order is kept). */
        Group of(int lo, int hi) {
            List<Group> mine = byLow.get(lo);
            if (mine == null) {
                byLow.set(lo, mine = new ArrayList<>(2));
            }
            Group g = null;
            if (mine.size() <= SCAN_LIMIT) {
                for (Group x : mine) {
                    if (x.hi == hi) {
                        return x;
                    }
                }
            } else {
                g = many.get(((long) lo << 32) | hi);
                if (g != null) {
                    return g;
                }
            }
            g = new Group(hi);
            mine.add(g);
            inOrder.add(g);
            if (mine.size() > SCAN_LIMIT) {
                if (mine.size() == SCAN_LIMIT + 1) {
                    mine.forEach(x -> many.put(((long) lo << 32) | x.hi, x));
                } else {
                    many.put(((long) lo << 32) | hi, g);
                }
            }
            return g;
        }
    }

    private static final class Group {
        final int hi;
        final List<RelSide> low = new ArrayList<>(2);
        final List<RelSide> high = new ArrayList<>(2);

        Group(int hi) {
            this.hi = hi;
        }
    }

    private record Bucket(RelationshipType type, Object link) {}

    /** Pass 1: same link; pass 2: compatible link, in declaration order. */
    private static void match(List<RelSide> mine, List<RelSide> others) {
        if (mine != others && mine.size() == 1 && others.size() == 1) {
            // the usual case, one relationship each way: no queues needed
            RelSide r = mine.get(0);
            RelSide s = others.get(0);
            Object a = r.linkKey();
            Object b = s.linkKey();
            if (r.type.mirror() == s.type && (a == null || b == null || a.equals(b))) {
                link(r, s);
            }
            return;
        }
        Map<Bucket, Deque<RelSide>> sameLink = new HashMap<>();
        Map<RelationshipType, Deque<RelSide>> any = new EnumMap<>(RelationshipType.class);
        Map<RelationshipType, Deque<RelSide>> open = new EnumMap<>(RelationshipType.class);
        for (RelSide s : others) {
            Object key = s.linkKey();
            any.computeIfAbsent(s.type, k -> new ArrayDeque<>()).add(s);
            if (key == null) {
                open.computeIfAbsent(s.type, k -> new ArrayDeque<>()).add(s);
            } else {
                sameLink.computeIfAbsent(new Bucket(s.type, key), k -> new ArrayDeque<>()).add(s);
            }
        }
        for (RelSide r : mine) {
            Object key = r.linkKey();
            if (!r.matched && key != null) {
                link(r, take(sameLink.get(new Bucket(r.type.mirror(), key)), r));
            }
        }
        for (RelSide r : mine) {
            if (!r.matched) {
                Deque<RelSide> q = r.linkKey() == null ? any.get(r.type.mirror()) : open.get(r.type.mirror());
                link(r, take(q, r));
            }
        }
    }

    /** The first unmatched side of {@code q} other than {@code r}, removed; matched ones are dropped on the way. */
    private static RelSide take(Deque<RelSide> q, RelSide r) {
        if (q == null) {
            return null;
        }
        dropMatched(q);
        if (q.isEmpty()) {
            return null;
        }
        if (q.peekFirst() != r) {
            return q.pollFirst();
        }
        q.pollFirst();
        dropMatched(q);
        RelSide found = q.pollFirst();
        q.addFirst(r);
        return found;
    }

    private static void dropMatched(Deque<RelSide> q) {
        while (!q.isEmpty() && q.peekFirst().matched) {
            q.pollFirst();
        }
    }

    private static void link(RelSide r, RelSide s) {
        if (s == null) {
            return;
        }
        r.matched = true;
        s.matched = true;
        r.mirror = s;
        s.mirror = r;
    }

    /** Sides left alone: a claimed mirror of the wrong type is an error; the rest simply have none. */
    private void leftovers(List<RelSide> mine, List<RelSide> others, boolean self) {
        List<RelSide> a = unmatched(mine);
        if (self) {
            int k = 0;
            while (k + 1 < a.size()) {
                k += mismatch(a.get(k), a.get(k + 1)) ? 2 : 1;
            }
            return;
        }
        List<RelSide> b = unmatched(others);
        int j = 0;
        for (int i = 0; i < a.size() && j < b.size(); i++) {
            if (mismatch(a.get(i), b.get(j))) {
                j++;
            }
        }
    }

    private static List<RelSide> unmatched(List<RelSide> sides) {
        List<RelSide> out = new ArrayList<>();
        for (RelSide s : sides) {
            if (!s.matched) {
                out.add(s);
            }
        }
        return out;
    }

    private boolean mismatch(RelSide x, RelSide y) {
        if (x.type.mirror() == y.type || (x.backPopulates == null && y.backPopulates == null)) {
            return false;
        }
        RelSide first = x.before(y) ? x : y;
        RelSide later = first == x ? y : x;
        x.mismatched = true;
        y.mismatched = true;
        ctx.report(FindingCode.BACK_POPULATES_MISMATCH, later.rel.at(), "type", doc.name(first.table), first.type.wire(),
                doc.name(first.target), doc.name(later.table), later.type.wire(), first.type.mirror().wire());
        return true;
    }
}
