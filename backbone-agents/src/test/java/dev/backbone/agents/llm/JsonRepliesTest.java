package dev.backbone.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonRepliesTest {

    @Test
    void findsTheObjectInsideProseAndFences() throws Exception {
        String reply = "Here you go:\n```json\n{\"a\": \"}{\", \"b\": [1, {\"c\": 2}]}\n```\nAnything else?";
        JsonReplies.Found f = JsonReplies.firstObject(reply);
        assertThat(f.json()).isEqualTo("{\"a\": \"}{\", \"b\": [1, {\"c\": 2}]}");
        assertThat(f.tree().get("b").get(1).get("c").asInt()).isEqualTo(2);
    }

    @Test
    void skipsBracesThatAreNotJson() throws Exception {
        JsonReplies.Found f = JsonReplies.firstObject("use {braces} like this: {\"ok\": true}");
        assertThat(f.json()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void arraysOnlyWhenAsked() throws Exception {
        assertThat(JsonReplies.firstObjectOrArray("[1, 2] then {\"x\": 1}").tree().isArray()).isTrue();
        assertThat(JsonReplies.firstObject("[1, 2] then {\"x\": 1}").json()).isEqualTo("{\"x\": 1}");
    }

    @Test
    void noJsonIsAnInvalidReply() {
        assertThatThrownBy(() -> JsonReplies.firstObject("I cannot help with that."))
                .isInstanceOf(ReplyParser.InvalidReplyException.class)
                .hasMessage("the reply held no JSON object");
        assertThatThrownBy(() -> JsonReplies.firstObject("{\"unclosed\": [1, 2"))
                .isInstanceOf(ReplyParser.InvalidReplyException.class);
    }

    @Test
    void redactionRemovesTheKeyAndKeyShapedTokens() {
        String key = "plain-key-123456";
        assertThat(Secrets.redact("bad key " + key + " and sk-proj-abcdef123456 and Bearer abc.def-123456", key))
                .isEqualTo("bad key *** and *** and ***");
        assertThat(Secrets.redact("x".repeat(400), key)).hasSize(Secrets.MAX_LENGTH + 3);
    }
}
