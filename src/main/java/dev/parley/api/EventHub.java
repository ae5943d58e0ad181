package dev.parley.api;

import dev.parley.voice.VoiceEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The server's one subscriber of the turn controller's event stream, fanned out to every stream
 * client. Numbers each event ({@code seq}) and keeps the recent ones so a client that connects late
 * can ask for what it missed ({@code ?since=SEQ}, or an SSE client's {@code Last-Event-ID}). Runs on the
 * publishing thread, so it only serializes and enqueues; the writing happens on each client's own thread.
 *
 * <p>Numbering starts at 1 with each hub, that is each start of the server, so a seq alone does not say
 * which run it is from: the hub has a random {@link #run() run} name, and SSE ids are {@code RUN-SEQ}.
 */
final class EventHub implements Consumer<VoiceEvent> {

    /** Sequence number and JSON of a published event. */
    private record Published(long seq, String json) {}

    private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final int replayed;
    private final int clientQueue;
    private final Clock clock;
    private final Duration stuckWrite;
    /**
     * At most this many characters of JSON are kept for replay, whatever the count: with texts cut at
     * {@link EventJson#MAX_TEXT} an event is at most a few hundred kilobytes, so 1,000 of them could
     * still hold a few hundred megabytes.
     */
    static final long REPLAYED_CHARS = 8_000_000;

    /**
     * How long a client's write may block, its queue full, before the client is closed: a client reading
     * at all on this machine empties its socket's buffer in milliseconds.
     */
    static final Duration STUCK_WRITE = Duration.ofSeconds(10);

    private static final Logger LOG = LogManager.getLogger(EventHub.class);

    private final ArrayDeque<Published> recent = new ArrayDeque<>();
    private long recentChars;
    private final List<EventClient> clients = new CopyOnWriteArrayList<>();
    private long seq;
    private boolean closed;

    /**
     * @param replayed how many recent events are kept for {@code ?since=}
     * @param clientQueue how many events a client may lag behind before its oldest are dropped
     */
    EventHub(int replayed, int clientQueue, Clock clock) {
        this(replayed, clientQueue, clock, STUCK_WRITE);
    }

    /** {@code stuckWrite}: how long a full client's write may block before the client is closed. */
    EventHub(int replayed, int clientQueue, Clock clock, Duration stuckWrite) {
        this.replayed = replayed;
        this.clientQueue = clientQueue;
        this.clock = clock;
        this.stuckWrite = stuckWrite;
    }

    /**
     * Numbering, buffering and enqueueing under one lock keeps every client's order the publish
     * order; it is held only for that, never for a network write.
     */
    @Override
    public synchronized void accept(VoiceEvent event) {
        if (closed) {
            return;
        }
        boolean level = event instanceof VoiceEvent.Level;
        if (level && clients.stream().noneMatch(EventClient::wantsLevels)) {
            return; // ~20 a second: not worth numbering when nobody listens
        }
        Published published = new Published(++seq, ApiJson.write(EventJson.of(seq, clock.instant(), event)));
        if (!level) {
            recent.addLast(published);
            recentChars += published.json().length();
            while (recent.size() > replayed || recentChars > REPLAYED_CHARS) {
                recentChars -= recent.pollFirst().json().length();
            }
        }
        for (EventClient client : clients) {
            if ((!level || client.wantsLevels()) && !client.offer(published.seq(), published.json())) {
                clients.remove(client);
                LOG.warn("An event stream client read nothing for {} s while its {} events (or {} MB) waited: its"
                        + " connection is closed. A client that reconnects with Last-Event-ID or ?since= gets what"
                        + " is still buffered.", stuckWrite.toSeconds(), clientQueue, EventClient.MAX_QUEUED_CHARS
                        / 1_000_000);
            }
        }
    }

    /**
     * A new client, its queue already holding the buffered events after {@code since} (none when
     * negative); it sees every event published after this call. A {@code since} beyond the latest seq
     * names an event of an earlier run (numbering starts again at each start), so every buffered event
     * is new to that client and all are replayed.
     */
    synchronized EventClient join(long since, boolean levels) {
        long after = since > seq ? 0 : since;
        EventClient client = new EventClient(clientQueue, levels, after < 0 ? seq : after, clock, stuckWrite);
        if (after >= 0) {
            recent.stream().filter(event -> event.seq() > after).forEach(event -> client.offer(event.seq(), event.json()));
        }
        if (closed) {
            client.close();
        } else {
            clients.add(client);
        }
        return client;
    }

    /** This run's name: every start of the server has another, so ids of an earlier run are told apart. */
    String run() {
        return run;
    }

    /** An SSE event id: this run and the seq. */
    String eventId(long seq) {
        return run + "-" + seq;
    }

    /**
     * Where an SSE client that reconnects with {@code lastEventId} resumes: after that seq when it is an
     * id of this run (or a bare seq); from the start of what is buffered when it is another run's, since
     * everything this run sent is new to that client.
     */
    long since(String lastEventId) {
        String id = lastEventId.strip();
        String seqPart = id.startsWith(run + "-") ? id.substring(run.length() + 1) : id;
        try {
            return Math.max(0, Long.parseLong(seqPart));
        } catch (NumberFormatException anotherRun) {
            return 0;
        }
    }

    /** The seq of the latest event, for a client to resume from with {@code ?since=}. */
    synchronized long lastSeq() {
        return seq;
    }

    void leave(EventClient client) {
        clients.remove(client);
        client.close();
    }

    int clientCount() {
        return clients.size();
    }

    /** Whether {@link #close} ended the streams: the server is stopping, not a client leaving. */
    synchronized boolean closed() {
        return closed;
    }

    /** Ends every stream (each writes what it has queued, then closes). */
    synchronized void close() {
        closed = true;
        clients.forEach(EventClient::close);
        clients.clear();
    }
}
