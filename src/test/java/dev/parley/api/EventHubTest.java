package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What the hub keeps for a client that resumes with {@code ?since=}. */
class EventHubTest {

    @Test
    void theReplayKeepsTheLatestEventsWithinItsSizeWhateverTheirCount() throws Exception {
        EventHub hub = new EventHub(1000, 1000, Clock.systemUTC());
        String longQuestion = "\u0085".repeat(EventJson.MAX_TEXT); // ~60 KB of JSON each
        for (int turn = 1; turn <= 300; turn++) {
            hub.accept(new VoiceEvent.Reply(new TurnEvent.Started(turn, longQuestion, "local")));
        }

        EventClient late = hub.join(0, false);
        long chars = 0;
        int events = 0;
        String last = null;
        for (String json = late.next(0).json(); !json.isEmpty(); json = late.next(0).json()) {
            chars += json.length();
            events++;
            last = json;
        }

        assertThat(chars).isLessThanOrEqualTo(EventHub.REPLAYED_CHARS);
        assertThat(events).isBetween(100, 299);
        assertThat(last).contains("\"turn\":300"); // the newest are the ones kept
    }
}
