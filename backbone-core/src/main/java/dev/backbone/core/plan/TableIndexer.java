package dev.backbone.core.plan;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a {@link TableIndex}: {@link #add} takes one table at a time, in document order, and
 * {@link #finish} resolves what needs every table (relationship targets, foreign keys, the type
 * each key stores).
 *
 * <p>Why one table at a time: {@link #add} is the architect's only visit to a table's columns
 * and relationships, and the reader can call it for each table right after binding it (see
 * {@link Architect#prepare}), while the table is still in the processor's cache. On a document
 * of 10,000 tables the model no longer fits in the cache, and a visit after reading costs a trip
 * to main memory for most of what it touches. Nothing in {@link #add} may therefore depend on a
 * later table: references are kept by name and resolved in {@link #finish}, from flat arrays.
 *
 * <p>Anything that makes planning impossible is reported with the validator's own codes, never
 * thrown (see {@link PlanInputCheck}).
 */
final class TableIndexer {

    private static final int UNRESOLVED = -2;
    private static final int FAILED = -1;

    private final TableIndex ix;
    /** Findings of {@link #add}, handed over in {@link #finish}. */
    private final List<Finding> findings = new ArrayList<>();
    private int columns;
    private int relationships;
    /** Each relationship's {@code target_table} by global relationship id, resolved in {@link #finish}. */
    private String[] relTargetNames = new String[16];
    /** Foreign keys with a well-formed target, waiting for every table to be known. */
    private final List<PendingKey> pending = new ArrayList<>();

    private record PendingKey(int table, int column, String targetTable, String targetColumn, boolean nullable) {}

    /** An indexer expecting about {@code tables} tables (more or fewer is fine). */
    TableIndexer(int tables) {
        ix = new TableIndex(tables, tables * 10);
    }

    /** Takes the next table of the document: everything the architect needs from it, in one visit. */
    void add(Table table) {
        int t = ix.tables.size();
        ix.tables.add(table);
        List<Column> cols = table.columns();
        List<Relationship> rels = table.relationships();
        ensure(t + 1, columns + cols.size(), relationships + rels.size());
        int base = columns;
        ix.base[t] = base;
        ix.base[t + 1] = base + cols.size();
        ix.relBase[t] = relationships;
        ix.relBase[t + 1] = relationships + rels.size();
        columns += cols.size();
        relationships += rels.size();

        String name = table.tableName();
        ix.names[t] = name;
        ix.classNames[t] = table.className();
        if (name != null && ix.tableByName.putIfAbsent(name, t) >= 0) {
            findings.add(Findings.at(FindingCode.DUPLICATE_TABLE_NAME,
                    "table `" + name + "` is declared twice; give each table its own `table_name`", table.at(),
                    "table_name"));
        }
        PlanInputCheck.checkTable(table, findings);
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            int id = base + c;
            ix.tableOf[id] = t;
            ix.types[id] = col.type();
            String column = col.name();
            ix.columnNames[id] = column;
            if (column != null) {
                String attribute = PythonNames.attributeFor(column);
                ix.attributes[id] = attribute;
                ix.renames[t] |= attribute != column;
            }
            if (col.type() == ColumnType.FOREIGN_KEY) {
                foreignKey(t, c, col);
            }
        }
        ix.drafts.table(t, table, base, ix.attributes);
        for (int r = 0; r < rels.size(); r++) {
            Relationship rel = rels.get(r);
            relTargetNames[ix.relBase[t] + r] = rel.targetTable();
            if (rel.type() == null) {
                findings.add(Findings.at(FindingCode.INVALID_RELATIONSHIP_TYPE,
                        "a relationship without a known `type` cannot be planned", rel.at(), "type"));
            } else {
                ix.sides.add(new RelSide(t, r, -1, rel)); // its target is resolved in finish
            }
        }
    }

    /** Checks the {@code target} of a key column as far as its form; the table and column come in {@link #finish}. */
    private void foreignKey(int t, int c, Column col) {
        if (col.target() == null) {
            findings.add(Findings.at(FindingCode.FK_MISSING_TARGET, "ForeignKey column `" + col.name()
                    + "` has no `target`; write `\"target\": \"table.column\"`", col.at(), "target"));
            return;
        }
        if (col.targetTable() == null) {
            findings.add(Findings.at(FindingCode.INVALID_FK_FORMAT,
                    "`target` must be `table.column`, not `" + col.target() + "`", col.at(), "target"));
            return;
        }
        pending.add(new PendingKey(t, c, col.targetTable(), col.targetColumn(), col.effectiveNullable()));
    }

    /**
     * Resolves what needed every table and hands over the index; {@code out} receives every finding
     * of the indexing. The caller checks that the index holds the tables it plans ({@link #holds}).
     */
    TableIndex finish(List<Finding> out) {
        out.addAll(findings);
        resolveRelationships(out);
        resolveForeignKeys(out);
        resolveKeyTypes(out);
        return ix;
    }

    /** Whether this indexer was given exactly {@code tables}, in order (what {@link #finish} requires). */
    boolean holds(List<Table> tables) {
        if (tables.size() != ix.tables.size()) {
            return false;
        }
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i) != ix.tables.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void resolveRelationships(List<Finding> out) {
        for (int t = 0; t < ix.size(); t++) {
            for (int id = ix.relBase[t]; id < ix.relBase[t + 1]; id++) {
                int target = ix.indexOf(relTargetNames[id]);
                ix.relTarget[id] = target;
                if (target < 0) {
                    Relationship r = ix.table(t).relationships().get(id - ix.relBase[t]);
                    out.add(Findings.at(FindingCode.REL_TABLE_NOT_FOUND, "relationship `target_table` `"
                            + r.targetTable() + "` names no table of the document", r.at(), "target_table"));
                }
            }
        }
        ix.sides.removeIf(s -> (s.target = ix.relationshipTarget(s.table, s.index)) < 0);
    }

    /** Each key's target table and column, from the flat names; the keys get their ids in document order. */
    private void resolveForeignKeys(List<Finding> out) {
        for (PendingKey k : pending) {
            int t = k.table();
            int c = k.column();
            int target = ix.indexOf(k.targetTable());
            if (target < 0) {
                out.add(Findings.at(FindingCode.FK_TABLE_NOT_FOUND, "`target` names table `" + k.targetTable()
                        + "`, which the document does not declare", ix.column(t, c).at(), "target"));
                continue;
            }
            int targetColumn = ix.columnIndex(target, k.targetColumn());
            if (targetColumn < 0) {
                out.add(Findings.at(FindingCode.FK_COLUMN_NOT_FOUND, "`target` names column `" + k.targetColumn()
                        + "`, which table `" + ix.name(target) + "` does not have", ix.column(t, c).at(), "target"));
                continue;
            }
            FkEdge e = new FkEdge(ix.foreignKeys.size(), t, c, target, targetColumn, k.nullable());
            ix.foreignKeys.add(e);
            ix.fkOf[ix.base[t] + c] = e;
            if (ix.outgoing[t] == null) {
                ix.outgoing[t] = new ArrayList<>(2);
            }
            ix.outgoing[t].add(e);
        }
        pending.clear();
    }

    /**
     * Follows each key to the column it finally stores (a key may point at another key), walking
     * iteratively and memoizing, so that a chain of 10,000 keys is linear and cannot overflow the stack.
     */
    private void resolveKeyTypes(List<Finding> out) {
        int m = columns;
        int[] source = ix.source;
        FkEdge[] fkOf = ix.fkOf;
        Arrays.fill(source, 0, m, UNRESOLVED);
        int[] walk = new int[m];
        int[] path = new int[Math.max(1, Math.min(m, 16))];
        int walkId = 0;
        for (int id = 0; id < m; id++) {
            if (source[id] != UNRESOLVED) {
                continue;
            }
            walkId++;
            int length = 0;
            int at = id;
            int result;
            boolean loop = false;
            while (true) {
                if (source[at] != UNRESOLVED) {
                    result = source[at];
                    break;
                }
                if (walk[at] == walkId) {
                    result = FAILED;
                    loop = true;
                    break;
                }
                walk[at] = walkId;
                if (length == path.length) {
                    path = Arrays.copyOf(path, length * 2);
                }
                path[length++] = at;
                FkEdge fk = fkOf[at];
                if (fk == null) {
                    result = at;
                    break;
                }
                at = ix.base[fk.targetTable()] + fk.targetColumn();
            }
            for (int i = 0; i < length; i++) {
                source[path[i]] = result;
            }
            if (loop) {
                FkEdge first = fkOf[id];
                out.add(Findings.at(FindingCode.FK_TYPE_NOT_KEYABLE, "foreign key " + ix.describe(first)
                        + " leads into a loop of keys that only point at each other, so no column in it has a"
                        + " type; point one of them at a real key column", ix.columnById(id).at(), "target"));
            }
        }
    }

    /** Grows the index's arrays to hold this many tables, columns and relationships. */
    @SuppressWarnings("unchecked")
    private void ensure(int tables, int cols, int rels) {
        if (tables + 1 > ix.base.length) {
            int n = Math.max(tables + 1, ix.base.length * 2);
            ix.base = Arrays.copyOf(ix.base, n);
            ix.relBase = Arrays.copyOf(ix.relBase, n);
            ix.renames = Arrays.copyOf(ix.renames, n);
            ix.names = Arrays.copyOf(ix.names, n);
            ix.classNames = Arrays.copyOf(ix.classNames, n);
            ix.outgoing = Arrays.copyOf(ix.outgoing, n);
        }
        if (cols > ix.tableOf.length) {
            int m = Math.max(cols, ix.tableOf.length * 2);
            ix.tableOf = Arrays.copyOf(ix.tableOf, m);
            ix.fkOf = Arrays.copyOf(ix.fkOf, m);
            ix.source = Arrays.copyOf(ix.source, m);
            ix.attributes = Arrays.copyOf(ix.attributes, m);
            ix.columnNames = Arrays.copyOf(ix.columnNames, m);
            ix.types = Arrays.copyOf(ix.types, m);
        }
        if (rels > ix.relTarget.length) {
            int r = Math.max(rels, ix.relTarget.length * 2);
            ix.relTarget = Arrays.copyOf(ix.relTarget, r);
        }
        if (rels > relTargetNames.length) {
            relTargetNames = Arrays.copyOf(relTargetNames, Math.max(rels, relTargetNames.length * 2));
        }
        ix.drafts.ensure(tables, cols);
    }
}
