package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

/**
 * {@link Position} spells its JSON Pointer out lazily from a chain of parents; every finding's
 * path comes from here, so the pointer, its escaping and the record-like equality must be exactly
 * what the eager record used to give.
 */
class PositionTest {

    @Test
    void rootIsTheEmptyPointerAtTheStart() {
        assertThat(Position.ROOT.pointer()).isEmpty();
        assertThat(Position.ROOT.line()).isEqualTo(1);
        assertThat(Position.ROOT.column()).isEqualTo(1);
    }

    @Test
    void fieldsAndItemsChainIntoAPointer() {
        Position type = Position.ROOT.field("schema", 1, 12).item(2, 5, 3).field("columns", 6, 17).item(1, 8, 7)
                .field("type", 8, 30);
        assertThat(type.pointer()).isEqualTo("/schema/2/columns/1/type");
        assertThat(type.line()).isEqualTo(8);
        assertThat(type.column()).isEqualTo(30);
    }

    @Test
    void aChildOfAnExplicitPointerExtendsIt() {
        Position p = new Position("/schema/0", 3, 4).field("table_name", 3, 20);
        assertThat(p.pointer()).isEqualTo("/schema/0/table_name");
        assertThat(new Position("/schema/0", 3, 4).item(0, 1, 1).pointer()).isEqualTo("/schema/0/0");
    }

    @Test
    void keysAreEscapedTildeFirst() {
        assertThat(Position.ROOT.field("a/b~c", 1, 2).pointer()).isEqualTo("/a~1b~0c");
        // "~1" written literally must not come back as "/": the tilde is escaped before the slash
        assertThat(Position.ROOT.field("~1", 1, 2).pointer()).isEqualTo("/~01");
        assertThat(Position.ROOT.field("", 1, 2).pointer()).isEqualTo("/");
        assertThat(Position.ROOT.field("plain", 1, 2).field("x/y", 1, 9).pointer()).isEqualTo("/plain/x~1y");
    }

    @Test
    void childEscapesLikeTheChain() {
        assertThat(Position.child("", "users")).isEqualTo("/users");
        assertThat(Position.child("/schema/0", "a/b")).isEqualTo("/schema/0/a~1b");
        assertThat(Position.child("/x", "~")).isEqualTo("/x/~0");
        assertThat(Position.child("/x", "~1/")).isEqualTo("/x/~01~1");
        assertThat(Position.child("/x", "n")).isEqualTo(Position.ROOT.field("x", 1, 1).field("n", 1, 1).pointer());
    }

    @Test
    void equalityIsOnPointerLineAndColumnWhateverTheShape() {
        Position chained = Position.ROOT.field("a", 1, 2).item(0, 2, 3);
        Position flat = new Position("/a/0", 2, 3);
        assertThat(chained).isEqualTo(flat).hasSameHashCodeAs(flat);
        assertThat(flat).isEqualTo(chained);
        assertThat(chained).isNotEqualTo(new Position("/a/0", 2, 4))
                .isNotEqualTo(new Position("/a/0", 3, 3))
                .isNotEqualTo(new Position("/a/1", 2, 3))
                .isNotEqualTo(Position.ROOT.field("a", 1, 2).field("0", 2, 3).field("x", 2, 3))
                .isNotEqualTo("/a/0");
        // an item index and an object key "0" spell the same pointer, and the pointer is what counts
        assertThat(Position.ROOT.field("a", 1, 1).field("0", 2, 3)).isEqualTo(chained);
    }

    @Test
    void toStringReadsLikeTheRecordItWas() {
        assertThat(Position.ROOT.field("db_type", 1, 34)).hasToString("Position[pointer=/db_type, line=1, column=34]");
        assertThat(Position.ROOT).hasToString("Position[pointer=, line=1, column=1]");
    }

    @Test
    void withPointerKeepsThePlaceAndTakesThePointerVerbatim() {
        Position p = Position.ROOT.field("schema", 4, 9).item(3, 5, 11);
        Position moved = p.withPointer("/elsewhere/a~1b");
        assertThat(moved.pointer()).isEqualTo("/elsewhere/a~1b");
        assertThat(moved.line()).isEqualTo(5);
        assertThat(moved.column()).isEqualTo(11);
        assertThat(moved.field("x", 6, 1).pointer()).isEqualTo("/elsewhere/a~1b/x");
        assertThat(p.pointer()).isEqualTo("/schema/3");
    }

    @Test
    void pointerIsStableAcrossCalls() {
        Position p = Position.ROOT.field("schema", 1, 1).item(7, 2, 2);
        assertThat(p.pointer()).isEqualTo(p.pointer()).isEqualTo("/schema/7");
        assertThat(p.hashCode()).isEqualTo(new Position("/schema/7", 2, 2).hashCode());
    }

    @Test
    void nullsAreRefused() {
        assertThatNullPointerException().isThrownBy(() -> new Position(null, 1, 1));
        assertThatNullPointerException().isThrownBy(() -> Position.ROOT.field(null, 1, 1));
    }
}
