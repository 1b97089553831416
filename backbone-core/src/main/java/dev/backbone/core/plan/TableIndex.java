package dev.backbone.core.plan;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the architect looks up over and over (a table by name, a column by name, what each
 * foreign key points to, the storage type a key inherits), built once so that every later pass
 * stays linear in the size of the document.
 *
 * <p>The architect runs only on documents the schema_validator accepted, but it does not trust
 * that: {@link #build} reports, with the validator's own codes, anything it cannot plan (a key
 * pointing nowhere, a table without a name, ...) instead of throwing; the architect then stops.
 */
final class TableIndex {

    private static final int UNRESOLVED = -2;
    private static final int FAILED = -1;

    private final Schema schema;
    private final List<Table> tables;
    private final Map<String, Integer> tableByName;
    private final List<Map<String, Integer>> columnByName;
    private final List<FkEdge> foreignKeys = new ArrayList<>();
    private final FkEdge[][] fkOf;
    private final Map<Long, List<FkEdge>> fksByPair = new HashMap<>();
    private final int[][] sourceTable;
    private final int[][] sourceColumn;

    private TableIndex(Schema schema) {
        this.schema = schema;
        this.tables = schema.tables();
        int n = tables.size();
        this.tableByName = new HashMap<>(n * 2);
        this.columnByName = new ArrayList<>(n);
        this.fkOf = new FkEdge[n][];
        this.sourceTable = new int[n][];
        this.sourceColumn = new int[n][];
    }

    /** Indexes the schema; anything that makes planning impossible is added to {@code findings} as an error. */
    static TableIndex build(Schema schema, List<Finding> findings) {
        TableIndex ix = new TableIndex(schema);
        ix.indexTables(findings);
        ix.indexForeignKeys(findings);
        ix.checkRelationships(findings);
        ix.resolveKeyTypes(findings);
        return ix;
    }

    // --- lookups

    Schema schema() {
        return schema;
    }

    List<Table> tables() {
        return tables;
    }

    int size() {
        return tables.size();
    }

    Table table(int i) {
        return tables.get(i);
    }

    /** Document index of the table with this name, or -1. */
    int indexOf(String tableName) {
        Integer i = tableName == null ? null : tableByName.get(tableName);
        return i == null ? -1 : i;
    }

    /** Index of the column with this name in table {@code t}, or -1. */
    int columnIndex(int t, String columnName) {
        Integer i = columnName == null ? null : columnByName.get(t).get(columnName);
        return i == null ? -1 : i;
    }

    Column column(int t, int c) {
        return tables.get(t).columns().get(c);
    }

    /** Every foreign key, in document order (table, then column); self references included. */
    List<FkEdge> foreignKeys() {
        return foreignKeys;
    }

    /** The foreign key of column {@code c} of table {@code t}, or null when it is not one. */
    FkEdge foreignKey(int t, int c) {
        return fkOf[t][c];
    }

    /** Foreign keys of table {@code from} pointing at table {@code to}, in column order (possibly empty). */
    List<FkEdge> foreignKeys(int from, int to) {
        List<FkEdge> l = fksByPair.get(pairKey(from, to));
        return l == null ? List.of() : l;
    }

    /** How many keys link tables {@code a} and {@code b}, either direction (a table with itself: its self references). */
    int linkCount(int a, int b) {
        return a == b ? foreignKeys(a, a).size() : foreignKeys(a, b).size() + foreignKeys(b, a).size();
    }

    /**
     * The column whose type a column really stores: itself, or for a foreign key the column at the
     * end of its chain of references (a key may point at a key). {@code [table, column]}.
     */
    int[] source(int t, int c) {
        return new int[] {sourceTable[t][c], sourceColumn[t][c]};
    }

    /** {@code orders.invoice_id -> invoices.id}: how messages name a foreign key. */
    String describe(FkEdge e) {
        return name(e.table()) + "." + column(e.table(), e.column()).name() + " -> " + name(e.targetTable()) + "."
                + column(e.targetTable(), e.targetColumn()).name();
    }

    String name(int t) {
        return tables.get(t).tableName();
    }

    static long pairKey(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    // --- building and checking

    private void indexTables(List<Finding> findings) {
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            String name = table.tableName();
            if (name == null) {
                findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                        "a table without `table_name` cannot be planned", table.at(), "table_name"));
            } else if (tableByName.putIfAbsent(name, t) != null) {
                findings.add(Findings.at(FindingCode.DUPLICATE_TABLE_NAME,
                        "table `" + name + "` is declared twice; give each table its own `table_name`", table.at(),
                        "table_name"));
            }
            if (table.className() == null) {
                findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                        "a table without `class_name` cannot be planned", table.at(), "class_name"));
            }
            Map<String, Integer> cols = new HashMap<>(table.columns().size() * 2);
            boolean hasKey = false;
            for (int c = 0; c < table.columns().size(); c++) {
                Column col = table.columns().get(c);
                hasKey |= col.primaryKey();
                if (col.name() == null) {
                    findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                            "a column without `name` cannot be planned", col.at(), "name"));
                } else {
                    cols.putIfAbsent(col.name(), c);
                }
                if (col.type() == null) {
                    findings.add(Findings.at(FindingCode.UNKNOWN_COLUMN_TYPE, "column `" + col.name()
                            + "` has no known `type`; use one of " + ColumnType.allowed(), col.at(), "type"));
                } else if (col.type() == ColumnType.ENUM && (col.values() == null || col.values().isEmpty())) {
                    findings.add(Findings.at(FindingCode.ENUM_NO_VALUES,
                            "Enum column `" + col.name() + "` needs a non-empty `values` list", col.at(), "values"));
                }
            }
            if (!hasKey) {
                findings.add(Findings.at(FindingCode.MISSING_PRIMARY_KEY, "table `" + name
                        + "` has no primary key; mark one column `\"primary_key\": true`", table.at(), "columns"));
            }
            columnByName.add(cols);
            fkOf[t] = new FkEdge[table.columns().size()];
        }
    }

    private void indexForeignKeys(List<Finding> findings) {
        for (int t = 0; t < tables.size(); t++) {
            List<Column> cols = tables.get(t).columns();
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                if (col.type() != ColumnType.FOREIGN_KEY) {
                    continue;
                }
                if (col.target() == null) {
                    findings.add(Findings.at(FindingCode.FK_MISSING_TARGET, "ForeignKey column `" + col.name()
                            + "` has no `target`; write `\"target\": \"table.column\"`", col.at(), "target"));
                    continue;
                }
                String tt = col.targetTable();
                if (tt == null) {
                    findings.add(Findings.at(FindingCode.INVALID_FK_FORMAT,
                            "`target` must be `table.column`, not `" + col.target() + "`", col.at(), "target"));
                    continue;
                }
                int target = indexOf(tt);
                if (target < 0) {
                    findings.add(Findings.at(FindingCode.FK_TABLE_NOT_FOUND,
                            "`target` names table `" + tt + "`, which the document does not declare", col.at(), "target"));
                    continue;
                }
                int targetColumn = columnIndex(target, col.targetColumn());
                if (targetColumn < 0) {
                    findings.add(Findings.at(FindingCode.FK_COLUMN_NOT_FOUND, "`target` names column `"
                            + col.targetColumn() + "`, which table `" + tt + "` does not have", col.at(), "target"));
                    continue;
                }
                FkEdge e = new FkEdge(foreignKeys.size(), t, c, target, targetColumn, col.effectiveNullable());
                foreignKeys.add(e);
                fkOf[t][c] = e;
                fksByPair.computeIfAbsent(pairKey(t, target), k -> new ArrayList<>(2)).add(e);
            }
        }
    }

    private void checkRelationships(List<Finding> findings) {
        for (Table table : tables) {
            for (Relationship r : table.relationships()) {
                if (r.type() == null) {
                    findings.add(Findings.at(FindingCode.INVALID_RELATIONSHIP_TYPE,
                            "a relationship without a known `type` cannot be planned", r.at(), "type"));
                }
                if (indexOf(r.targetTable()) < 0) {
                    findings.add(Findings.at(FindingCode.REL_TABLE_NOT_FOUND, "relationship `target_table` `"
                            + r.targetTable() + "` names no table of the document", r.at(), "target_table"));
                }
            }
        }
    }

    /**
     * Follows each key to the column it finally stores (a key may point at another key), walking
     * iteratively and memoizing, so that a chain of 10,000 keys is linear and cannot overflow the stack.
     */
    private void resolveKeyTypes(List<Finding> findings) {
        int n = tables.size();
        int[][] walk = new int[n][];
        for (int t = 0; t < n; t++) {
            int m = tables.get(t).columns().size();
            sourceTable[t] = new int[m];
            sourceColumn[t] = new int[m];
            walk[t] = new int[m];
            java.util.Arrays.fill(sourceTable[t], UNRESOLVED);
        }
        int walkId = 0;
        List<int[]> path = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < sourceTable[t].length; c++) {
                if (sourceTable[t][c] != UNRESOLVED) {
                    continue;
                }
                walkId++;
                path.clear();
                int ct = t;
                int cc = c;
                int rt;
                int rc;
                while (true) {
                    if (sourceTable[ct][cc] != UNRESOLVED) {
                        rt = sourceTable[ct][cc];
                        rc = sourceColumn[ct][cc];
                        break;
                    }
                    if (walk[ct][cc] == walkId) {
                        rt = FAILED;
                        rc = FAILED;
                        break;
                    }
                    walk[ct][cc] = walkId;
                    path.add(new int[] {ct, cc});
                    FkEdge fk = fkOf[ct][cc];
                    if (fk == null) {
                        rt = ct;
                        rc = cc;
                        break;
                    }
                    ct = fk.targetTable();
                    cc = fk.targetColumn();
                }
                for (int[] p : path) {
                    sourceTable[p[0]][p[1]] = rt;
                    sourceColumn[p[0]][p[1]] = rc;
                }
                if (rt == FAILED && path.size() > 0 && fkOf[t][c] != null && walk[ct][cc] == walkId) {
                    Column col = column(t, c);
                    findings.add(Findings.at(FindingCode.FK_TYPE_NOT_KEYABLE, "foreign key " + describe(fkOf[t][c])
                            + " leads into a loop of keys that only point at each other, so no column in it has a"
                            + " type; point one of them at a real key column", col.at(), "target"));
                }
            }
        }
    }
}
