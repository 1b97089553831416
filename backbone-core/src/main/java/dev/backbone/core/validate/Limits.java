package dev.backbone.core.validate;

/**
 * Size limits a document must respect. The CLI uses {@link #DEFAULTS} (generous: a 10,000-table
 * benchmark must pass); the service uses the contract's stricter defaults ({@code MAX_TABLES}
 * 50, ...), configured from the environment.
 */
public record Limits(int maxTables, int maxColumnsPerTable, int maxRelationshipsPerTable, int maxStringLength, int maxArrayLength) {

    /** No practical limit: for the CLI and the library. */
    public static final Limits DEFAULTS = new Limits(Integer.MAX_VALUE, 1000, Integer.MAX_VALUE, 100_000, Integer.MAX_VALUE);

    /** The service contract's defaults. */
    public static final Limits SERVICE = new Limits(50, 100, 50, 1000, 100);
}
