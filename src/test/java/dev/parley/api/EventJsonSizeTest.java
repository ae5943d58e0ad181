package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An event's texts are cut at a length a client can hold a thousand of, and say so. */
class EventJsonSizeTest {

    @Test
    void aMillionCharacterQuestionIsCutInItsEventAndMarkedTruncated() {
        String question = "\u0085".repeat(1_000_000); // written as six bytes each
        ObjectNode json = EventJson.of(1, Instant.EPOCH,
                new VoiceEvent.Reply(new TurnEvent.Started(1, question, "local")));

        assertThat(json.get("text").asText()).hasSize(EventJson.MAX_TEXT + 1).endsWith("…");
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(ApiJson.write(json).length()).isLessThan(70_000);
    }

    @Test
    void aShortEventIsAsItWasWithoutTheMark() {
        ObjectNode json = EventJson.of(1, Instant.EPOCH, new VoiceEvent.Reply(new TurnEvent.Started(1, "Hi", "local")));

        assertThat(json.get("text").asText()).isEqualTo("Hi");
        assertThat(json.has("truncated")).isFalse();
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String question = "a".repeat(EventJson.MAX_TEXT - 1) + "😀".repeat(10);
        ObjectNode json = EventJson.of(1, Instant.EPOCH,
                new VoiceEvent.Reply(new TurnEvent.Started(1, question, "local")));

        assertThat(json.get("text").asText()).isEqualTo("a".repeat(EventJson.MAX_TEXT - 1) + "…");
    }
}
