package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlEditsTest {

    @Test
    void aChangedValueKeepsTheCommentAfterItOnItsLine() {
        String edited = new YamlEdits("llm:\n  active: a # the one I use\n  other: 1\n")
                .set(List.of("llm", "active"), "b").text();

        assertThat(edited).isEqualTo("llm:\n  active: b # the one I use\n  other: 1\n");
    }

    @Test
    void aChangedFoldedValueKeepsTheBlankLineAndCommentsAfterIt() {
        String yaml = "llm:\n  prompt: >-\n    one\n    two\n\n  # next\n  fallback: []\n";

        String edited = new YamlEdits(yaml).set(List.of("llm", "prompt"), "Be brief.\nAnd kind.").text();

        assertThat(edited).isEqualTo("llm:\n  prompt: \"Be brief.\\nAnd kind.\"\n\n  # next\n  fallback: []\n");
    }

    @Test
    void anEmptySectionGetsItsFirstKey() {
        String edited = new YamlEdits("ui:\nllm: {}\n").set(List.of("ui", "theme"), "dark").text();

        assertThat(edited).isEqualTo("ui:\n  theme: dark\nllm: {}\n");
    }

    @Test
    void anEmptySectionKeepsTheCommentOnItsLine() {
        String edited = new YamlEdits("audio: # my USB mic, some day\ntts:\n  voice: x\n")
                .set(List.of("audio", "input-device"), "USB").text();

        assertThat(edited).isEqualTo("audio: # my USB mic, some day\n  input-device: USB\ntts:\n  voice: x\n");
    }

    @Test
    void aSectionWrittenAsNullGetsItsFirstKey() {
        assertThat(new YamlEdits("audio: ~\nui:\n").set(List.of("audio", "hands-free"), true).text())
                .isEqualTo("audio:\n  hands-free: true\nui:\n");
        assertThat(new YamlEdits("audio: null # later\n").set(List.of("audio", "hands-free"), true).text())
                .isEqualTo("audio: # later\n  hands-free: true\n");
    }

    @Test
    void aRemovedKeyTakesItsCommentButNotTheSectionsComment() {
        String yaml = "providers:\n  # about a\n  a:\n    model: x\n\n  # about b\n  b:\n    model: y\n";

        String edited = new YamlEdits(yaml).remove(List.of("providers", "b")).text();

        assertThat(edited).isEqualTo("providers:\n  # about a\n  a:\n    model: x\n\n");
    }

    @Test
    void aFileWithoutATrailingLineBreakGetsNewKeysOnTheirOwnLine() {
        String edited = new YamlEdits("ui:\n  theme: light").set(List.of("ui", "push-to-talk-key"), "F8").text();

        assertThat(edited).isEqualTo("ui:\n  theme: light\n  push-to-talk-key: F8\n");
    }

    @Test
    void anEmojiAboveTheKeyDoesNotShiftTheEdit() {
        // SnakeYAML counts an emoji as one character, Java's String as two.
        String yaml = "# my 🎤 and 🎧\nllm:\n  system-prompt: Be kind 😀\n  active: a # mine\n  other: 1\n";

        String edited = new YamlEdits(yaml).set(List.of("llm", "active"), "b").set(List.of("llm", "third"), 3).text();

        assertThat(edited).isEqualTo(
                "# my 🎤 and 🎧\nllm:\n  system-prompt: Be kind 😀\n  active: b # mine\n  other: 1\n  third: 3\n");
    }

    @Test
    void stringsThatLookLikeOtherTypesAreQuoted() {
        assertThat(YamlEdits.scalar("yes")).isEqualTo("'yes'");
        assertThat(YamlEdits.scalar("1.0")).isEqualTo("'1.0'");
        assertThat(YamlEdits.scalar("")).isEqualTo("''");
        assertThat(YamlEdits.scalar("llama3.2")).isEqualTo("llama3.2");
        assertThat(YamlEdits.scalar(0.8)).isEqualTo("0.8");
    }
}
