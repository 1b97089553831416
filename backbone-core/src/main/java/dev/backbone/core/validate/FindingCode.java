package dev.backbone.core.validate;

/**
 * Every finding code BackBone reports, with its severity and the situation it names. The
 * first block is the codes earlier BackBone users already see; the rest are ours.
 * {@code docs/schema-format.md} lists the same table (a test keeps them in step).
 */
public enum FindingCode {
    // Codes of the schema format (kept for existing users).
    JSON_SYNTAX_ERROR(Severity.ERROR, "the text is not JSON"),
    SCHEMA_VALIDATION_ERROR(Severity.ERROR, "a field is missing, of the wrong type, or breaks a rule of the format"),
    INVALID_FK_FORMAT(Severity.ERROR, "a ForeignKey `target` is not `table.column`"),
    FK_TABLE_NOT_FOUND(Severity.ERROR, "a ForeignKey `target` names no table"),
    FK_COLUMN_NOT_FOUND(Severity.ERROR, "a ForeignKey `target` names no column of that table"),
    FK_NOT_PK_OR_UNIQUE(Severity.WARNING, "a ForeignKey `target` is neither a primary key nor unique"),
    REL_TABLE_NOT_FOUND(Severity.ERROR, "a relationship names no table"),
    MISSING_BACK_POPULATES(Severity.WARNING, "the other side of a relationship lacks the mirror relationship"),
    CIRCULAR_DEPENDENCY(Severity.ERROR, "NOT NULL foreign keys form a cycle no table order can satisfy"),
    STRING_NO_LENGTH(Severity.WARNING, "a String column has no `length` (rendered as VARCHAR(255))"),
    COMPOSITE_PRIMARY_KEY(Severity.INFO, "a table has more than one primary key column"),
    NO_RELATIONSHIPS(Severity.INFO, "the document declares no relationships"),
    TOO_MANY_COLUMNS(Severity.WARNING, "a table has more columns than the configured limit"),
    BUILD_ORDER_INCOMPLETE(Severity.ERROR, "some table could not be placed in the build order"),

    // BackBone's own codes.
    UNKNOWN_FIELD(Severity.WARNING, "a field the format does not define (often a typo such as `nulable`)"),
    INVALID_PROJECT_NAME(Severity.ERROR, "`project_name` is not safe as a folder or package name"),
    INVALID_DB_TYPE(Severity.ERROR, "`db_type` is not one of postgresql, mysql, sqlite, mssql"),
    INVALID_TABLE_NAME(Severity.ERROR, "`table_name` is not lowercase snake case"),
    INVALID_CLASS_NAME(Severity.ERROR, "`class_name` does not start upper case or holds other than letters, digits, `_`"),
    INVALID_COLUMN_NAME(Severity.ERROR, "a column `name` is not snake case"),
    IDENTIFIER_TOO_LONG(Severity.WARNING, "a table or column name is longer than 63 characters (PostgreSQL truncates it, MySQL rejects it)"),
    DUPLICATE_TABLE_NAME(Severity.ERROR, "two tables share a `table_name`"),
    DUPLICATE_CLASS_NAME(Severity.ERROR, "two tables share a `class_name`"),
    DUPLICATE_COLUMN_NAME(Severity.ERROR, "two columns of a table share a `name`"),
    DUPLICATE_RELATIONSHIP_NAME(Severity.ERROR, "two attributes of a model would get the same name"),
    RESERVED_CLASS_NAME(Severity.ERROR, "a `class_name` that would shadow Python or SQLAlchemy names (`Base`, `Enum`, `None`, ...)"),
    PYTHON_KEYWORD_NAME(Severity.WARNING, "a column is a Python keyword; the model attribute gets a trailing `_`, the column keeps its name"),
    RESERVED_ATTRIBUTE_NAME(Severity.WARNING, "a column collides with a declarative attribute (`metadata`, `registry`, ...); the attribute is renamed"),
    SQL_RESERVED_WORD(Severity.INFO, "a table or column name is an SQL reserved word; it is quoted in DDL"),
    MIXIN_COLUMN_CONFLICT(Severity.ERROR, "a declared column has the name of a column the timestamps/soft-delete options add"),
    UNKNOWN_COLUMN_TYPE(Severity.ERROR, "a column `type` is not one of the format's types"),
    MISSING_PRIMARY_KEY(Severity.ERROR, "a table has no `primary_key` column"),
    NULLABLE_PRIMARY_KEY(Severity.ERROR, "a primary key column says `\"nullable\": true`"),
    INVALID_LENGTH(Severity.ERROR, "`length` is not a positive integer"),
    INVALID_PRECISION_SCALE(Severity.ERROR, "`precision`/`scale` break precision > 0, 0 <= scale <= precision"),
    FIELD_NOT_APPLICABLE(Severity.WARNING, "a field that does not apply to the column's type (`length` on Integer, `values` on String, ...)"),
    INVALID_AUTOINCREMENT(Severity.ERROR, "`autoincrement` on a column that is not an integer primary key"),
    ENUM_NO_VALUES(Severity.ERROR, "an Enum column has no `values`, or an empty list"),
    ENUM_DUPLICATE_VALUE(Severity.ERROR, "an Enum lists the same value twice"),
    ENUM_DEFAULT_NOT_IN_VALUES(Severity.ERROR, "an Enum `default` is not one of its `values`"),
    INVALID_DEFAULT(Severity.ERROR, "a `default` is not a literal of the column's type"),
    INVALID_ON_DELETE(Severity.ERROR, "`on_delete` is not CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION"),
    SET_NULL_ON_NOT_NULL(Severity.ERROR, "`on_delete: SET NULL` on a NOT NULL foreign key"),
    SET_DEFAULT_WITHOUT_DEFAULT(Severity.WARNING, "`on_delete: SET DEFAULT` on a column without a `default`"),
    FK_MISSING_TARGET(Severity.ERROR, "a ForeignKey column has no `target`"),
    FK_TYPE_NOT_KEYABLE(Severity.ERROR, "a ForeignKey targets a column whose type cannot be referenced (Text, JSON, LargeBinary, ...)"),
    INVALID_KEY_TYPE(Severity.ERROR, "`primary_key`, `unique` or `index` on a type the database cannot index (JSON except on sqlite; Text, LargeBinary on mysql/mssql)"),
    DEFERRED_FOREIGN_KEY(Severity.WARNING, "a cycle of foreign keys is broken by adding one nullable constraint after the tables"),
    INVALID_RELATIONSHIP_TYPE(Severity.ERROR, "a relationship `type` is not one_to_many, many_to_one, one_to_one or many_to_many"),
    REL_CLASS_MISMATCH(Severity.ERROR, "a relationship's `target_class` is not the class of its `target_table`"),
    REL_FOREIGN_KEY_NOT_FOUND(Severity.ERROR, "a relationship's `foreign_key` names no ForeignKey column of its table that points to the target"),
    REL_NO_FOREIGN_KEY(Severity.ERROR, "no ForeignKey column links the two tables of a one_to_many/many_to_one/one_to_one relationship"),
    REL_AMBIGUOUS_FOREIGN_KEY(Severity.ERROR, "several ForeignKey columns link the two tables; name one with `foreign_key`"),
    REL_FIELD_NOT_APPLICABLE(Severity.WARNING, "`foreign_key` on a to-many relationship or `secondary` on a non many_to_many one"),
    BACK_POPULATES_MISMATCH(Severity.ERROR, "the mirror relationship is of a type that does not pair (one_to_many needs many_to_one, ...)"),
    INVALID_ATTRIBUTE_NAME(Severity.ERROR, "a `back_populates` or `secondary` is not a valid identifier"),
    SECONDARY_TABLE_CONFLICT(Severity.ERROR, "a many_to_many `secondary` names a table the document declares with other columns"),
    TOO_MANY_TABLES(Severity.ERROR, "the document has more tables than the configured limit"),
    TOO_MANY_RELATIONSHIPS(Severity.WARNING, "a table has more relationships than the configured limit"),
    STRING_TOO_LONG(Severity.ERROR, "a string value is longer than the configured limit"),
    ARRAY_TOO_LONG(Severity.ERROR, "an array is longer than the configured limit"),

    // Schema changes: `renamed_from`, and what the migration of a change reports.
    INVALID_RENAMED_FROM(Severity.ERROR, "`renamed_from` is not a snake-case name, or is the table's or column's own name"),
    RENAMED_FROM_CONFLICT(Severity.ERROR, "`renamed_from` names a table or column that still exists, or one another table or column is also renamed from"),
    RENAMED_FROM_NOT_FOUND(Severity.INFO, "`renamed_from` names nothing in the project's previous schema (already migrated, or a typo): nothing is renamed"),
    DESTRUCTIVE_CHANGE(Severity.WARNING, "a schema change loses data (a dropped table or column, a narrower type, a removed Enum label); generate refuses it without --allow-destructive"),
    NOT_NULL_WITHOUT_DEFAULT(Severity.WARNING, "a column is added or becomes NOT NULL without a `default`: the migration fails on a table that has rows");

    private final Severity severity;
    private final String summary;

    FindingCode(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    public Severity severity() {
        return severity;
    }

    /** One line for the docs: when this code is reported. */
    public String summary() {
        return summary;
    }
}
