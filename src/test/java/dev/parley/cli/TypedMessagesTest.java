package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.cli.TypedMessages.Arrival;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Text pasted into a chat on a terminal is one message, sent by the Enter after it: each of its lines
 * used to be a turn of its own, and a paid request. From a pipe, each line is still one message.
 */
class TypedMessagesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Deque<Arrival> arrivals = new ArrayDeque<>();
    private int promptsForMore;

    /** The messages of lines that arrive at the given times; everything has arrived by the time it is read. */
    private TypedMessages typed() {
        return TypedMessages.fromArrivals(wait -> arrivals.isEmpty() ? Arrival.end(Long.MAX_VALUE) : arrivals.poll(),
                () -> Long.MAX_VALUE / 2, () -> promptsForMore++);
    }

    private void arrives(String line, long atMillis) {
        arrivals.add(new Arrival(line, atMillis * MS, null));
    }

    private static List<String> all(TypedMessages messages) throws Exception {
        List<String> all = new ArrayList<>();
        for (String message = messages.readMessage(); message != null; message = messages.readMessage()) {
            all.add(message);
        }
        return all;
    }

    @Test
    void eachLineFromAPipeIsAMessageOfItsOwn() throws Exception {
        TypedMessages piped = TypedMessages.lineByLine(new BufferedReader(new StringReader("one\ntwo\nthree\n")));

        assertThat(all(piped)).containsExactly("one", "two", "three");
    }

    @Test
    void linesPastedTogetherAreOneMessageSentByTheEnterAfterThem() throws Exception {
        arrives("Summarize this:", 0);
        arrives("The first point.", 0);
        arrives("The second point.", 2); // the terminal's next piece of the same paste
        arrives("", 3000); // Enter

        assertThat(all(typed())).containsExactly("Summarize this:\nThe first point.\nThe second point.");
    }

    @Test
    void aPasteWithoutALastLineBreakIsSentWithItsLastLineWhenEnterIsPressed() throws Exception {
        arrives("Translate:", 0);
        arrives("Guten Morgen", 1);
        arrives("und gute Nacht, please", 4000); // the paste's last line, finished and sent with Enter

        assertThat(all(typed())).containsExactly("Translate:\nGuten Morgen\nund gute Nacht, please");
    }

    @Test
    void linesTypedOneAfterAnotherAreMessagesOfTheirOwn() throws Exception {
        arrives("What time is it?", 0);
        arrives("And the date?", 400); // typed ahead while the first was answered

        assertThat(all(typed())).containsExactly("What time is it?", "And the date?");
    }

    @Test
    void aLineEndingInABackslashGoesOnOnTheNextLine() throws Exception {
        arrives("Dear Sir,\\", 0);
        arrives("thank you.", 5000);

        assertThat(all(typed())).containsExactly("Dear Sir,\nthank you.");
        assertThat(promptsForMore).isEqualTo(1);
    }

    @Test
    void theEndOfInputSendsAPasteStillWaitingForEnter() throws Exception {
        arrives("a", 0);
        arrives("b", 1);

        assertThat(all(typed())).containsExactly("a\nb");
    }

    @Test
    void aPasteTooLongForOneMessageIsRefusedAndTheNextMessageFollows() throws Exception {
        String long50k = "x".repeat(50_000);
        arrives(long50k, 0);
        arrives(long50k, 1);
        arrives(long50k, 2);
        arrives("", 3000);
        arrives("Shorter, then.", 9000);
        TypedMessages messages = typed();

        assertThatThrownBy(messages::readMessage).isInstanceOf(TypedMessages.TooLong.class)
                .hasMessageStartingWith("The text pasted is longer than 100,000 characters");
        assertThat(messages.readMessage()).isEqualTo("Shorter, then.");
    }

    @Test
    void anAnswerToAQuestionIsOneLineEvenWhenMoreFollow() throws Exception {
        arrives("y", 0);
        arrives("Next question", 1);
        TypedMessages messages = typed();

        assertThat(messages.readLine()).isEqualTo("y");
        assertThat(messages.readMessage()).isEqualTo("Next question");
    }
}
