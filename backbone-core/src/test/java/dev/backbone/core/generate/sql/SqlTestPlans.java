package dev.backbone.core.generate.sql;

import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.util.List;

/**
 * Hand-built plans shared by the SQL target's tests (and the embedded check's): they need no
 * architect, so the target is tested on exactly the plan it gets.
 */
public final class SqlTestPlans {

    private SqlTestPlans() {}

    /** Every plan of this corpus for one database. */
    public static List<Plan> all(DbType db) {
        return List.of(blog(db), everything(db), h2Keywords(db), longNames(db));
    }

    /** The blog example, as the architect should plan it. */
    public static Plan blog(DbType db) {
        return PlanFixtures.plan("BlogBackend", db).description("Blog backend with Users, Posts, and Comments")
                .table("users", t -> t.id()
                        .col("username", ColumnType.STRING, c -> c.length(50).unique().notNull())
                        .col("email", ColumnType.STRING, c -> c.length(100).unique().notNull())
                        .col("bio", ColumnType.TEXT)
                        .timestamps())
                .table("posts", t -> t.id()
                        .col("title", ColumnType.STRING, c -> c.length(200).notNull())
                        .col("content", ColumnType.TEXT, c -> c.notNull())
                        .col("slug", ColumnType.STRING, c -> c.length(200).unique().notNull())
                        .col("status", ColumnType.ENUM, c -> c.values("posts_status", "draft", "published", "archived").defaultString("draft"))
                        .fk("author_id", "users.id", c -> {})
                        .timestamps().softDelete())
                .table("comments", t -> t.id()
                        .col("content", ColumnType.TEXT, c -> c.notNull())
                        .fk("author_id", "users.id", c -> {})
                        .fk("post_id", "posts.id", c -> {})
                        .timestamps().softDelete())
                .build();
    }

    /** Strings that try to break out of every place user text lands. */
    public static final String[] ADVERSARIAL = {
        "it's a 'quoted' \"text\"",
        "back\\slash \\' \\\\ end\\",
        "line one\nline two\r\nline three",
        "'; DROP TABLE users; --",
        "*/ DROP TABLE users; /*",
        "-- not a comment",
        "semi;colon; ;",
        "unicode: Ünïcödé – 日本語 – emoji 😀 – rtl \u202Eevil",
        "{{ pebble }} {% if x %} {# c #}",
        "tab\there and \u000B vertical and \f feed \u2028 ls",
        "$$ dollar $tag$ quoting $$",
        "N'national' E'escape' U&'\\0041'",
        "`back` [bracket] \"dq\"",
    };

    /**
     * The description of the last table: on every dialect its text lands after table {@code user}
     * exists, so if it escaped its literal the DROP would succeed, and the table-set check would see it.
     */
    public static final String DROP_USER = "x'; DROP TABLE \"user\" CASCADE; --";

    /** A default with CR LF and backslashes: clients that read scripts line by line must not change it. */
    public static final String SIGNATURE = "line one\nline two\r\nline three \\ end\\";

    /**
     * Enum labels: the adversarial strings that fit PostgreSQL's 63-byte label limit, and a short
     * Unicode one (the validator must refuse longer labels for postgresql).
     */
    public static final String[] ENUM_LABELS = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(ADVERSARIAL)
                            .filter(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63),
                    java.util.stream.Stream.of("Ünï 日本 😀"))
            .toArray(String[]::new);

    /** Every type, reserved names, a nullable cycle, a self reference, one_to_one, many_to_many, adversarial text. */
    public static Plan everything(DbType db) {
        return PlanFixtures.plan("Everything", db).description(ADVERSARIAL[3] + " " + ADVERSARIAL[2])
                .table("user", t -> t.description(ADVERSARIAL[0]).id()
                        .col("name", ColumnType.STRING, c -> c.length(80).notNull().unique().description(ADVERSARIAL[1]))
                        .col("order", ColumnType.INTEGER, c -> c.index().description(ADVERSARIAL[3]))
                        .col("group", ColumnType.STRING, c -> c.length(30).unique().index().defaultString(ADVERSARIAL[3])
                                .description(ADVERSARIAL[4]))
                        .col("bio", ColumnType.TEXT, c -> c.description(ADVERSARIAL[2]))
                        .col("signature", ColumnType.TEXT, c -> c.defaultString(SIGNATURE))
                        .col("active", ColumnType.BOOLEAN, c -> c.notNull().defaultValue(DefaultValue.Kind.BOOLEAN, true))
                        .col("born", ColumnType.DATE, c -> c.defaultValue(DefaultValue.Kind.DATE, "2000-01-31"))
                        .col("wakes", ColumnType.TIME, c -> c.defaultValue(DefaultValue.Kind.TIME, "07:30:00"))
                        .col("seen", ColumnType.DATETIME, c -> c.description(ADVERSARIAL[5]))
                        .col("balance", ColumnType.NUMERIC, c -> c.numeric(12, 2).notNull().defaultValue(DefaultValue.Kind.NUMBER, "-10.50"))
                        .col("score", ColumnType.FLOAT, c -> c.defaultValue(DefaultValue.Kind.NUMBER, "1.5"))
                        .col("visits", ColumnType.BIG_INTEGER, c -> c.notNull().defaultValue(DefaultValue.Kind.NUMBER, 0))
                        .col("prefs", ColumnType.JSON, c -> c.description(ADVERSARIAL[6]))
                        .col("token", ColumnType.UUID, c -> c.index().defaultValue(DefaultValue.Kind.UUID, "0E984725-C51C-4BF4-9960-E1C80E27ABA0"))
                        .col("avatar", ColumnType.LARGE_BINARY, c -> c.description(ADVERSARIAL[7]))
                        .col("role", ColumnType.ENUM, c -> c.values("user_role", ENUM_LABELS).defaultString(ADVERSARIAL[3]).notNull()
                                .description(ADVERSARIAL[8]))
                        .col("mood", ColumnType.ENUM, c -> c.values("user_mood", "happy", "sad"))
                        .fk("mentor_id", "user.id", c -> c.onDelete("SET NULL").description("self reference"))
                        .timestamps().softDelete())
                .table("group", t -> t.description(ADVERSARIAL[9]).id()
                        .col("title", ColumnType.STRING, c -> c.length(100).notNull().description(ADVERSARIAL[10]))
                        .fk("owner_id", "user.id", c -> c.notNull().onDelete("CASCADE").description(ADVERSARIAL[11]))
                        .deferredFk("featured_order_id", "order.id", ColumnType.BIG_INTEGER, "SET NULL"))
                .table("order", t -> t.description(ADVERSARIAL[12])
                        .col("id", ColumnType.BIG_INTEGER, c -> c.pk().autoincrement())
                        .fk("group_id", "group.id", c -> c.notNull().onDelete("RESTRICT"))
                        .fk("user_id", "user.id", c -> c.unique().onDelete("CASCADE").description("one_to_one"))
                        .col("code", ColumnType.STRING, c -> c.length(20).index()))
                .table("tag", t -> t.description(DROP_USER)
                        .col("code", ColumnType.STRING, c -> c.pk().length(40))
                        .col("label", ColumnType.STRING, c -> c.length(40)))
                .association("order_tag", "order", "tag")
                .build();
    }

    /** Plain names that H2 reserves but the real servers do not (the embedded check declares them non-keywords). */
    public static Plan h2Keywords(DbType db) {
        return PlanFixtures.plan("H2Words", db)
                .table("value", t -> t.id()
                        .col("year", ColumnType.INTEGER)
                        .col("month", ColumnType.INTEGER)
                        .col("day", ColumnType.INTEGER, c -> c.index())
                        .col("minute", ColumnType.INTEGER)
                        .col("second", ColumnType.INTEGER)
                        .col("qualify", ColumnType.BOOLEAN)
                        .col("minus", ColumnType.INTEGER)
                        .col("uescape", ColumnType.INTEGER)
                        .col("rownum", ColumnType.INTEGER))
                .build();
    }

    /** Names near and past PostgreSQL's 63-byte identifier limit. */
    public static Plan longNames(DbType db) {
        String parent = "organisation_membership_subscription_history_entries";
        String child = "organisation_membership_subscription_history_entry_notes";
        return PlanFixtures.plan("LongNames", db)
                .table(parent, t -> t.id()
                        .col("external_reference_identifier_for_partner_systems", ColumnType.STRING,
                                c -> c.length(64).unique()))
                .table(child, t -> t.id()
                        .fk("organisation_membership_subscription_history_entry_id", parent + ".id", c -> c.index()))
                .build();
    }
}
