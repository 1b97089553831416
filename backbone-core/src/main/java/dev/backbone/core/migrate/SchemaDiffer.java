package dev.backbone.core.migrate;

import dev.backbone.core.generate.sql.SqlDialect;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps that turn the database of one {@link Catalog} into that of another, in an order
 * every database accepts: enum types first, then foreign keys and indexes that go away, renames,
 * new tables, column changes, dropped columns and tables, then new indexes and foreign keys, and
 * last the enum types nothing uses any more. The initial revision is the diff from
 * {@link Catalog#empty}; a downgrade is the diff the other way with the renames inverted.
 */
public final class SchemaDiffer {

    private final Catalog from;
    private final Catalog to;
    private final Renames renames;
    private final boolean namedEnums;
    private final boolean alterConstraints;
    private final Map<String, String> oldNameOf = new LinkedHashMap<>();

    private final List<MigrationOp> enumsBefore = new ArrayList<>();
    private final List<MigrationOp> dropKeys = new ArrayList<>();
    private final List<MigrationOp> renameSteps = new ArrayList<>();
    private final List<MigrationOp> creates = new ArrayList<>();
    private final List<MigrationOp> columnSteps = new ArrayList<>();
    private final List<MigrationOp> drops = new ArrayList<>();
    private final List<MigrationOp> addKeys = new ArrayList<>();
    private final List<MigrationOp> enumsAfter = new ArrayList<>();

    private SchemaDiffer(Catalog from, Catalog to, Renames renames) {
        this.from = from;
        this.to = to;
        this.renames = renames;
        SqlDialect dialect = SqlDialect.of(to.dbType());
        this.namedEnums = dialect.isNamedEnums();
        this.alterConstraints = dialect.isAlterAddConstraint();
    }

    /** The steps from {@code from} to {@code to}; empty when they hold the same database. */
    public static List<MigrationOp> diff(Catalog from, Catalog to, Renames renames) {
        return new SchemaDiffer(from, to, renames).run();
    }

    private List<MigrationOp> run() {
        for (Catalog.CTable t : to.tables()) {
            String old = renames.oldTable(t.name());
            if (old != null && from.table(old) != null && from.table(t.name()) == null) {
                oldNameOf.put(t.name(), old);
            } else if (from.table(t.name()) != null) {
                oldNameOf.put(t.name(), t.name());
            }
        }
        Set<String> kept = new HashSet<>(oldNameOf.values());
        if (namedEnums) {
            enums();
        }
        List<Catalog.CTable> dropped = from.tables().stream().filter(t -> !kept.contains(t.name())).toList();
        if (alterConstraints) {
            for (Catalog.CTable t : dropped) {
                // reverse build order drops a child before its parent; only a cycle's deferred keys need to go first
                t.foreignKeys().stream().filter(Catalog.ForeignKey::deferred)
                        .forEach(fk -> dropKeys.add(new MigrationOp.DropForeignKey(t.name(), fk)));
            }
        }
        for (Catalog.CTable t : to.tables()) {
            String old = oldNameOf.get(t.name());
            if (old == null) {
                creates.add(new MigrationOp.CreateTable(t));
                if (alterConstraints) {
                    t.foreignKeys().stream().filter(Catalog.ForeignKey::deferred)
                            .forEach(fk -> addKeys.add(new MigrationOp.AddForeignKey(t.name(), fk)));
                }
            } else {
                table(from.table(old), t);
            }
        }
        for (int i = dropped.size() - 1; i >= 0; i--) {
            drops.add(new MigrationOp.DropTable(dropped.get(i)));
        }
        List<MigrationOp> all = new ArrayList<>();
        for (List<MigrationOp> phase : List.of(enumsBefore, dropKeys, renameSteps, creates, columnSteps, drops, addKeys, enumsAfter)) {
            all.addAll(phase);
        }
        return List.copyOf(all);
    }

    /** Compares a kept table; steps name it by its new name once renamed. */
    private void table(Catalog.CTable old, Catalog.CTable now) {
        String name = now.name();
        if (!old.name().equals(name)) {
            renameSteps.add(new MigrationOp.RenameTable(old.name(), name, old.columns().stream()
                    .filter(c -> c.autoincrement() && c.type().isInteger()).map(PlannedColumn::name).toList()));
        }
        Map<String, PlannedColumn> oldColumns = new LinkedHashMap<>();
        old.columns().forEach(c -> oldColumns.put(c.name(), c));
        Map<String, String> columnOld = new LinkedHashMap<>();
        for (PlannedColumn c : now.columns()) {
            String declared = renames.oldColumn(name, c.name());
            if (declared != null && oldColumns.containsKey(declared) && !oldColumns.containsKey(c.name())) {
                columnOld.put(c.name(), declared);
            } else if (oldColumns.containsKey(c.name())) {
                columnOld.put(c.name(), c.name());
            }
        }
        Set<String> keptColumns = new HashSet<>(columnOld.values());
        // keys and indexes: drop what changed (by name and content), add it again afterwards
        for (Catalog.ForeignKey fk : old.foreignKeys()) {
            if (!containsMoved(now.foreignKeys(), List.of(fk), columnOld)) {
                dropKeys.add(new MigrationOp.DropForeignKey(old.name(), fk));
            }
        }
        for (Catalog.Unique u : old.uniques()) {
            if (!now.uniques().contains(moved(u, columnOld))) {
                dropKeys.add(new MigrationOp.DropUnique(old.name(), u));
            }
        }
        for (Catalog.Index ix : old.indexes()) {
            if (!now.indexes().contains(moved(ix, columnOld))) {
                dropKeys.add(new MigrationOp.DropIndex(old.name(), ix));
            }
        }
        if (!old.pkName().equals(now.pkName()) || !old.primaryKey().stream().map(c -> newName(c, columnOld)).toList()
                .equals(now.primaryKey())) {
            renameSteps.add(new MigrationOp.AlterPrimaryKey(name, old.pkName(), old.primaryKey(), now.pkName(), now.primaryKey()));
        }
        for (PlannedColumn c : now.columns()) {
            String o = columnOld.get(c.name());
            if (o == null) {
                columnSteps.add(new MigrationOp.AddColumn(name, c));
                continue;
            }
            PlannedColumn before = oldColumns.get(o);
            if (!o.equals(c.name())) {
                renameSteps.add(new MigrationOp.RenameColumn(name, before, withName(before, c.name())));
            }
            if (!ColumnChange.sameColumn(withName(before, c.name()), c, namedEnums)) {
                boolean fill = before.nullable() && !c.nullable() && c.defaultValue() != null;
                columnSteps.add(new MigrationOp.AlterColumn(name, withName(before, c.name()), c, fill,
                        !ColumnChange.sameType(before, c, namedEnums) && ColumnChange.narrowing(before, c)));
            }
        }
        if (!Objects.equals(blank(old.comment()), blank(now.comment()))) {
            columnSteps.add(new MigrationOp.AlterTableComment(name, blank(old.comment()), blank(now.comment())));
        }
        for (PlannedColumn c : old.columns()) {
            if (!keptColumns.contains(c.name())) {
                columnSteps.add(new MigrationOp.DropColumn(name, c));
            }
        }
        for (Catalog.Unique u : now.uniques()) {
            if (!old.uniques().stream().map(x -> moved(x, columnOld)).toList().contains(u)) {
                addKeys.add(new MigrationOp.AddUnique(name, u));
            }
        }
        for (Catalog.Index ix : now.indexes()) {
            if (!old.indexes().stream().map(x -> moved(x, columnOld)).toList().contains(ix)) {
                addKeys.add(new MigrationOp.CreateIndex(name, ix));
            }
        }
        for (Catalog.ForeignKey fk : now.foreignKeys()) {
            if (!containsMoved(List.of(fk), old.foreignKeys(), columnOld)) {
                addKeys.add(new MigrationOp.AddForeignKey(name, fk));
            }
        }
    }

    /** Named enum types: created, renamed, labels added, replaced, dropped. */
    private void enums() {
        Map<String, String> newNameOfOld = new LinkedHashMap<>();
        for (Catalog.CTable t : to.tables()) {
            String oldTable = oldNameOf.get(t.name());
            if (oldTable == null) {
                continue;
            }
            Catalog.CTable old = from.table(oldTable);
            for (PlannedColumn c : t.columns()) {
                String oc = renames.oldColumn(t.name(), c.name());
                PlannedColumn before = old.column(oc != null && old.column(c.name()) == null ? oc : c.name());
                if (before != null && before.type() == ColumnType.ENUM && c.type() == ColumnType.ENUM
                        && c.enumType() != null && before.enumType() != null) {
                    newNameOfOld.putIfAbsent(before.enumType().dbName(), c.enumType().dbName());
                }
            }
        }
        Set<String> reused = new HashSet<>();
        for (Map.Entry<String, List<String>> e : from.enums().entrySet()) {
            String newName = newNameOfOld.get(e.getKey());
            if (newName == null || !to.enums().containsKey(newName)) {
                enumsAfter.add(new MigrationOp.DropEnum(e.getKey(), e.getValue()));
                continue;
            }
            reused.add(newName);
            if (!newName.equals(e.getKey())) {
                enumsBefore.add(new MigrationOp.RenameEnum(e.getKey(), newName));
            }
            labels(newName, e.getValue(), to.enums().get(newName));
        }
        List<MigrationOp> created = new ArrayList<>();
        to.enums().forEach((n, labels) -> {
            if (!reused.contains(n)) {
                created.add(new MigrationOp.CreateEnum(n, labels));
            }
        });
        enumsBefore.addAll(0, created);
    }

    private void labels(String name, List<String> old, List<String> now) {
        if (old.equals(now)) {
            return;
        }
        if (isSubsequence(old, now)) {
            for (int i = 0; i < now.size(); i++) {
                String label = now.get(i);
                if (!old.contains(label)) {
                    String before = now.subList(i + 1, now.size()).stream().filter(old::contains).findFirst().orElse(null);
                    enumsBefore.add(new MigrationOp.AddEnumLabel(name, label, before));
                }
            }
            return;
        }
        List<MigrationOp.PlannedColumnRef> users = new ArrayList<>();
        for (Catalog.CTable t : to.tables()) {
            for (PlannedColumn c : t.columns()) {
                if (c.type() == ColumnType.ENUM && c.enumType() != null && c.enumType().dbName().equals(name)) {
                    users.add(new MigrationOp.PlannedColumnRef(t.name(), c));
                }
            }
        }
        columnSteps.add(new MigrationOp.ReplaceEnum(name, old, now, users));
    }

    private static boolean isSubsequence(List<String> small, List<String> big) {
        int j = 0;
        for (String s : big) {
            if (j < small.size() && small.get(j).equals(s)) {
                j++;
            }
        }
        return j == small.size();
    }

    private static String newName(String oldColumn, Map<String, String> columnOld) {
        return columnOld.entrySet().stream().filter(e -> e.getValue().equals(oldColumn)).map(Map.Entry::getKey).findFirst()
                .orElse(oldColumn);
    }

    private static Catalog.Unique moved(Catalog.Unique u, Map<String, String> columnOld) {
        return new Catalog.Unique(u.name(), newName(u.column(), columnOld));
    }

    private static Catalog.Index moved(Catalog.Index ix, Map<String, String> columnOld) {
        return new Catalog.Index(ix.name(), newName(ix.column(), columnOld), ix.unique());
    }

    private static Catalog.ForeignKey moved(Catalog.ForeignKey fk, Map<String, String> columnOld) {
        return new Catalog.ForeignKey(fk.name(), newName(fk.column(), columnOld), fk.refTable(), fk.refColumn(), fk.onDelete(),
                fk.deferred());
    }

    /**
     * Whether a key of {@code now} matches one of {@code old} (moved through the column renames):
     * same name, column, target and action; deferral does not matter once the key exists.
     */
    private boolean containsMoved(List<Catalog.ForeignKey> now, List<Catalog.ForeignKey> old, Map<String, String> columnOld) {
        for (Catalog.ForeignKey o : old) {
            Catalog.ForeignKey m = moved(o, columnOld);
            if (now.stream().anyMatch(x -> x.name().equals(m.name()) && x.column().equals(m.column())
                    && x.refTable().equals(refTableNow(m.refTable())) && x.refColumn().equals(m.refColumn())
                    && Objects.equals(x.onDelete(), m.onDelete()))) {
                return true;
            }
        }
        return false;
    }

    /** A referenced table's new name (a renamed table keeps its keys, which follow the rename). */
    private String refTableNow(String oldTable) {
        return oldNameOf.entrySet().stream().filter(e -> e.getValue().equals(oldTable)).map(Map.Entry::getKey).findFirst()
                .orElse(oldTable);
    }

    static PlannedColumn withName(PlannedColumn c, String name) {
        if (c.name().equals(name)) {
            return c;
        }
        return new PlannedColumn(name, name, c.type(), c.length(), c.precision(), c.scale(), c.primaryKey(), c.autoincrement(),
                c.unique(), c.indexed(), c.nullable(), c.defaultValue(), c.enumType(), c.foreignKey(), c.description(), c.origin());
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
