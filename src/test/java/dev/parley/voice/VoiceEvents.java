package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records what a voice assistant reports and waits for what a test expects of it. */
final class VoiceEvents implements Consumer<VoiceEvent> {

    private final List<VoiceEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(VoiceEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<VoiceEvent> all() {
        return List.copyOf(events);
    }

    <T extends VoiceEvent> List<T> of(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The states entered, in order. */
    List<VoiceState> states() {
        return of(VoiceEvent.StateChanged.class).stream().map(VoiceEvent.StateChanged::to).toList();
    }

    /** Waits until an event matches, and returns the first that does. */
    <T extends VoiceEvent> T await(Class<T> type, Predicate<T> matching, long timeoutMillis)
            throws InterruptedException {
        awaitUntil(all -> all.stream().anyMatch(e -> type.isInstance(e) && matching.test(type.cast(e))),
                "a " + type.getSimpleName(), timeoutMillis);
        return of(type).stream().filter(matching).findFirst().orElseThrow();
    }

    /** Waits until the assistant has entered {@code state} {@code times} times. */
    void awaitState(VoiceState state, int times, long timeoutMillis) throws InterruptedException {
        awaitUntil(all -> all.stream().filter(e -> e instanceof VoiceEvent.StateChanged change && change.to() == state)
                .count() >= times, state + " x" + times, timeoutMillis);
    }

    private synchronized void awaitUntil(Predicate<List<VoiceEvent>> done, String what, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!done.test(events)) {
            long left = deadline - System.currentTimeMillis();
            assertThat(left).as("waiting for %s; got %s", what, events).isPositive();
            wait(left);
        }
    }
}
