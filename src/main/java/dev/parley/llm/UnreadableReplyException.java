package dev.parley.llm;

import java.io.IOException;

/**
 * A stream event the provider's client could not handle: valid enough to arrive, but in a shape the
 * client does not expect (arguments as a string where it wants an object, a null where it wants a
 * record). Carries the start of the event, which says more to the user than the parser's message.
 */
final class UnreadableReplyException extends IOException {

    /** Enough of an event to recognize it, short enough for one line. */
    private static final int SHOWN_CHARS = 120;

    private final String eventStart;

    UnreadableReplyException(String eventData, Throwable cause) {
        super("the client could not handle the stream event " + startOf(eventData), cause);
        this.eventStart = startOf(eventData);
    }

    /** The event as the user may see it: its start, on one line. */
    String eventStart() {
        return eventStart;
    }

    private static String startOf(String data) {
        String text = data == null ? "(empty)" : data.strip().replaceAll("\\s+", " ");
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
    }
}
