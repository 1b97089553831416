package dev.backbone.core.validate;

import dev.backbone.core.json.Position;

/**
 * Every finding code BackBone reports, with its severity and its one message template: every
 * check, in whichever stage, raises a code through {@link #at}, so a code is worded here and
 * nowhere else. The first block is the codes earlier BackBone users already see; the rest are
 * ours. {@code docs/schema-format.md} says when each code is reported and how to fix it, and
 * shows its message (a test keeps them in step).
 */
public enum FindingCode {
    // Codes of the schema format (kept for existing users).
    JSON_SYNTAX_ERROR(Severity.ERROR, "invalid JSON: {problem}"),
    SCHEMA_VALIDATION_ERROR(Severity.ERROR, "{problem}"),
    INVALID_FK_FORMAT(Severity.ERROR, "`target` {target} of {column} is not `table.column`; write the referenced table and column separated by one dot, e.g. \"users.id\""),
    FK_TABLE_NOT_FOUND(Severity.ERROR, "`target` {target} names table {table}, which the document does not declare; fix the name or add the table.{hint}"),
    FK_COLUMN_NOT_FOUND(Severity.ERROR, "`target` {target} {problem}; point it at {fix}"),
    FK_NOT_PK_OR_UNIQUE(Severity.ERROR, "`target` {target} is {why}; most databases refuse a foreign key to it. Point it at the primary key or mark {column} \"unique\": true"),
    REL_TABLE_NOT_FOUND(Severity.ERROR, "relationship `target_table` {table} names no table of the document; fix the name or declare the table.{hint}"),
    MISSING_BACK_POPULATES(Severity.WARNING, "`{model}.{attribute}` ({type} to `{target}`) has no mirror: `{target}` declares no {mirror_type} {back}; add it{named} so both sides stay in sync (until then the model renders this relationship without back_populates)"),
    CIRCULAR_DEPENDENCY(Severity.ERROR, "foreign keys form a cycle that no table order can satisfy: {cycle}{keys}; every key on it is NOT NULL, so no row could be inserted first. Make one of these columns nullable: its constraint is then added after the tables"),
    STRING_NO_LENGTH(Severity.WARNING, "String column {column} has no `length`; it is rendered as VARCHAR(255). Add \"length\": N to choose, or use Text for long free text"),
    COMPOSITE_PRIMARY_KEY(Severity.INFO, "table {table} has a composite primary key ({columns}); foreign keys to it must use all of those columns, so no single-column ForeignKey can point here. Intended for association tables; otherwise keep one key and make the others unique"),
    NO_RELATIONSHIPS(Severity.INFO, "the document declares no relationships; that is fine for independent tables, otherwise add `relationships` (e.g. one_to_many with back_populates) so the models can navigate between tables"),
    TOO_MANY_COLUMNS(Severity.WARNING, "table {table} has {count} columns, more than the limit of {max}; move groups of columns into related tables"),
    BUILD_ORDER_INCOMPLETE(Severity.ERROR, "these tables could not be placed in the build order: {tables}; each is in, or depends on, a cycle of NOT NULL foreign keys (see CIRCULAR_DEPENDENCY): make one key of the cycle nullable"),

    // BackBone's own codes.
    UNKNOWN_FIELD(Severity.WARNING, "unknown {element} field `{field}`{hint}"),
    INVALID_PROJECT_NAME(Severity.ERROR, "`project_name` {name} {problem}; it becomes a folder and package name, so use only letters, digits, `_` and `-` (for example `blog_backend`)"),
    INVALID_DB_TYPE(Severity.ERROR, "`db_type` {value} is not supported; use one of {allowed}.{hint}"),
    INVALID_TABLE_NAME(Severity.ERROR, "{field} {name} is not lowercase snake case (a lower-case letter, then lower-case letters, digits or `_`); rename it, e.g. `{suggestion}`"),
    INVALID_CLASS_NAME(Severity.ERROR, "`class_name` {name} must start with an upper-case letter and hold only ASCII letters, digits and `_`; rename it, e.g. `{suggestion}`"),
    INVALID_COLUMN_NAME(Severity.ERROR, "column name {name} is not snake case (a lower-case letter, then lower-case letters, digits or `_`); rename it, e.g. `{suggestion}`"),
    IDENTIFIER_TOO_LONG(Severity.WARNING, "{name} is {length} characters long; PostgreSQL truncates names past {max} characters and MySQL rejects them: shorten it"),
    DUPLICATE_TABLE_NAME(Severity.ERROR, "table_name {name} is already used by the table at {first}; table names must be unique: rename or merge one of them"),
    DUPLICATE_CLASS_NAME(Severity.ERROR, "class_name {name} is already used by table {table} at {first}; each table needs its own model class: rename one of them"),
    DUPLICATE_COLUMN_NAME(Severity.ERROR, "column {name} is declared twice in table {table} (first at {first}); rename or remove one of them"),
    DUPLICATE_RELATIONSHIP_NAME(Severity.ERROR, "{first} and {second} of `{table}` would both become the model attribute `{attribute}`{why}; {fix}"),
    RESERVED_CLASS_NAME(Severity.ERROR, "`class_name` {name} would shadow a Python or SQLAlchemy name the generated models use; choose another, e.g. `{suggestion}`"),
    PYTHON_KEYWORD_NAME(Severity.WARNING, "column {name} is a Python keyword; the model attribute is named `{attribute}` while the database column keeps `{column}`. Rename the column to avoid the difference"),
    RESERVED_ATTRIBUTE_NAME(Severity.WARNING, "column {name} would replace a name the generated model needs (SQLAlchemy's declarative attributes or the module's imports); the attribute is named `{attribute}` while the database column keeps `{column}`. Rename the column to avoid the difference"),
    SQL_RESERVED_WORD(Severity.INFO, "{name} is an SQL reserved word; the generated DDL quotes it, but hand-written SQL must too: consider {suggestion}"),
    MIXIN_COLUMN_CONFLICT(Severity.ERROR, "column {name} is also added by the table option `{option}`; remove this column (the option provides it) or set `{option}` to false"),
    UNKNOWN_COLUMN_TYPE(Severity.ERROR, "column type {type} is unknown; use one of {allowed}.{hint}"),
    MISSING_PRIMARY_KEY(Severity.ERROR, "table {table} has no primary key; mark a column with \"primary_key\": true, or add {\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}"),
    NULLABLE_PRIMARY_KEY(Severity.ERROR, "primary key column {column} says \"nullable\": true, but a primary key is never NULL; remove `nullable` or set it to false"),
    INVALID_LENGTH(Severity.ERROR, "`length` of {column} is {length}{why}"),
    INVALID_PRECISION_SCALE(Severity.ERROR, "Numeric column {column}: {problem}"),
    FIELD_NOT_APPLICABLE(Severity.WARNING, "`{field}` does not apply to {type} column {column} and is ignored ({why}); remove it or change the type"),
    INVALID_AUTOINCREMENT(Severity.ERROR, "`autoincrement` on column {column} cannot work: {why}; only an Integer or BigInteger primary key counts up. Remove `autoincrement`"),
    ENUM_NO_VALUES(Severity.ERROR, "Enum column {column} has no values; list its labels, e.g. \"values\": [\"draft\", \"published\"]"),
    ENUM_DUPLICATE_VALUE(Severity.ERROR, "Enum column {column} lists {value} twice (first at {first}); a database enum needs distinct labels: remove the repetition"),
    ENUM_DEFAULT_NOT_IN_VALUES(Severity.ERROR, "`default` {value} of {column} is not one of its values {values}; use one of them or add it to `values`.{hint}"),
    INVALID_DEFAULT(Severity.ERROR, "`default` of {column} {problem}"),
    INVALID_ON_DELETE(Severity.ERROR, "`on_delete` {value} {problem}; use {fix}"),
    SET_NULL_ON_NOT_NULL(Severity.ERROR, "`on_delete` SET NULL on {column}, which is NOT NULL{key}: deleting the referenced row would fail. Make the column nullable or use CASCADE or RESTRICT"),
    SET_DEFAULT_WITHOUT_DEFAULT(Severity.WARNING, "`on_delete` SET DEFAULT on {column}, which has no `default`: deleting the referenced row sets it to NULL{fails}. Add a `default` (an existing key) or use SET NULL"),
    FK_MISSING_TARGET(Severity.ERROR, "ForeignKey column {column} has no `target`; add \"target\": \"table.column\", e.g. \"users.id\""),
    FK_TYPE_NOT_KEYABLE(Severity.ERROR, "`target` {target} is {problem}; point the key at an Integer, String (with a `length`) or UUID key instead"),
    INVALID_KEY_TYPE(Severity.ERROR, "`{field}` on {type} column {column} cannot be created: {why}; remove `{field}` or change the type"),
    DEFERRED_FOREIGN_KEY(Severity.WARNING, "{key} is added after the tables (ALTER TABLE) to break {cycle}"),
    INVALID_RELATIONSHIP_TYPE(Severity.ERROR, "relationship type {type} is unknown; use one of {allowed}.{hint}"),
    REL_CLASS_MISMATCH(Severity.ERROR, "relationship `target_class` {class} is not the class of table {table}, which is {actual}; write \"target_class\": \"{fix}\""),
    REL_FOREIGN_KEY_NOT_FOUND(Severity.ERROR, "`foreign_key` `{name}` of the {type} to `{target}` names no ForeignKey column of `{table}` pointing at `{target}`: {why}{hint}"),
    REL_NO_FOREIGN_KEY(Severity.ERROR, "no ForeignKey column links `{table}` and `{target}`, so the {type} from `{table}` to `{target}` has nothing to join on; add one to `{holder}`{suggestion} or remove the relationship"),
    REL_AMBIGUOUS_FOREIGN_KEY(Severity.ERROR, "several ForeignKey columns link `{table}` and `{target}` ({columns}) and nothing says which one the {type} from `{table}` to `{target}` uses; {fix}"),
    REL_FIELD_NOT_APPLICABLE(Severity.WARNING, "`{field}` does not apply to a {type} relationship and is ignored: {why}; {fix}"),
    BACK_POPULATES_MISMATCH(Severity.ERROR, "`{table}` declares a {type} to `{target}` and `{other}` a {other_type} back: these cannot be the two sides of one relationship (a {type} pairs with a {mirror_type}); change one `type` to match"),
    INVALID_ATTRIBUTE_NAME(Severity.ERROR, "`{field}` {name} {problem}; it names {what}, so choose a name such as `{suggestion}`"),
    SECONDARY_TABLE_CONFLICT(Severity.ERROR, "the many_to_many from `{table}` to `{target}` would use the association table `{association}`, {problem}; {fix}"),
    TOO_MANY_TABLES(Severity.ERROR, "the document has {count} tables, more than the limit of {max}; split it into several documents"),
    TOO_MANY_RELATIONSHIPS(Severity.WARNING, "table {table} has {count} relationships, more than the limit of {max}; declare only those the code navigates"),
    STRING_TOO_LONG(Severity.ERROR, "{what} is {length} characters long, more than the limit of {max}; shorten it"),
    ARRAY_TOO_LONG(Severity.ERROR, "{what} has {count} items, more than the limit of {max}; shorten it"),

    // Schema changes: `renamed_from`, and what the migration of a change reports.
    INVALID_RENAMED_FROM(Severity.ERROR, "{element} {name} is renamed from {from}, which is {problem}"),
    RENAMED_FROM_CONFLICT(Severity.ERROR, "{element} {name} is renamed from {from}, but {problem}"),
    RENAMED_FROM_NOT_FOUND(Severity.INFO, "{element} {name} is renamed from {from}, which the previous schema does not have: it is {fate}"),
    DESTRUCTIVE_CHANGE(Severity.WARNING, "{subject} {change}: {consequence}"),
    NOT_NULL_WITHOUT_DEFAULT(Severity.WARNING, "column {column} is NOT NULL without a default: the migration fails on a table that has rows; give it a default");

    private final Severity severity;
    private final MessageTemplate template;

    FindingCode(Severity severity, String template) {
        this.severity = severity;
        this.template = new MessageTemplate(template);
    }

    public Severity severity() {
        return severity;
    }

    /** The code's one wording; {@code docs/schema-format.md} shows it for every code. */
    public MessageTemplate template() {
        return template;
    }

    /** A finding of this code at {@code at}, worded by its template with {@code args} in the slots. */
    public Finding at(Position at, Object... args) {
        return at(at.pointer(), at, args);
    }

    /**
     * A finding of this code whose JSON Pointer is {@code pointer} and whose line and column are
     * those of {@code at}: a field that is absent, pointed at where it belongs.
     */
    public Finding at(String pointer, Position at, Object... args) {
        return new Finding(severity, name(), template.fill(args), pointer, at.line(), at.column());
    }
}
