package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import dev.parley.testing.CapturedLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * What the hub keeps for a client that resumes with {@code ?since=}, and for a client that does not
 * keep up.
 */
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

    @Test
    void aClientThatFallsBehindHoldsAtMostItsShareOfCharactersWhateverTheEventsSize() throws Exception {
        EventHub hub = new EventHub(1000, 1000, Clock.systemUTC());
        EventClient behind = hub.join(-1, false);
        String longQuestion = "\u0085".repeat(EventJson.MAX_TEXT); // ~60 KB of JSON each
        for (int turn = 1; turn <= 300; turn++) {
            hub.accept(new VoiceEvent.Reply(new TurnEvent.Started(turn, longQuestion, "local")));
        }

        long chars = 0;
        for (String json = behind.next(0).json(); !json.isEmpty(); json = behind.next(0).json()) {
            chars += json.length();
        }

        assertThat(chars).isLessThanOrEqualTo(EventClient.MAX_QUEUED_CHARS + 1000); // + the dropped notice
    }

    @Test
    void aClientStuckInAWriteIsClosedWithALogLineOnceItsQueueIsFullAndTheOthersGoOn() throws Exception {
        EventHub hub = new EventHub(1000, 3, Clock.systemUTC(), Duration.ZERO);
        EventClient stuck = hub.join(-1, false);
        EventClient reading = hub.join(-1, false);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket connection = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket unread = server.accept();
                CapturedLog log = CapturedLog.of(EventHub.class)) {
            CountDownLatch writing = new CountDownLatch(1);
            Thread writer = Thread.ofVirtual().start(() -> {
                stuck.writing(Thread.currentThread());
                writing.countDown();
                try {
                    while (true) { // the peer never reads: this blocks once the buffers are full
                        connection.getOutputStream().write(new byte[64 * 1024]);
                    }
                } catch (IOException closedByTheInterrupt) {
                    // what ends it
                }
            });
            assertThat(writing.await(20, TimeUnit.SECONDS)).isTrue();

            for (int turn = 1; turn <= 5; turn++) {
                hub.accept(new VoiceEvent.Reply(new TurnEvent.Started(turn, "question " + turn, "local")));
            }

            assertThat(writer.join(Duration.ofSeconds(20))).as("the stuck write ended").isTrue();
            assertThat(connection.isClosed()).as("its connection closed").isTrue();
            assertThat(stuck.next(0)).as("nothing more for it").isNull();
            assertThat(hub.clientCount()).isEqualTo(1);
            assertThat(log.at(Level.WARN)).singleElement().asString().contains("read nothing");
            hub.accept(new VoiceEvent.Reply(new TurnEvent.Started(6, "question 6", "local")));
            StringBuilder seen = new StringBuilder();
            for (EventClient.Event event = reading.next(0); event != EventClient.IDLE; event = reading.next(0)) {
                seen.append(event.json());
            }
            assertThat(seen.toString()).contains("\"dropped\"", "question 6");
        }
    }
}
