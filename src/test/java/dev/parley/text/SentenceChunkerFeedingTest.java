package dev.parley.text;

import static dev.parley.text.SentenceChunkerTest.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.Feeding;
import dev.parley.text.SentenceChunker.Settings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies as assistants write them give the same chunks however the model's stream splits them. */
class SentenceChunkerFeedingTest {

    /** Replies as assistants write them; their exact chunks matter less than getting the same ones every way. */
    static Stream<String> realisticReplies() {
        return Stream.of(
                """
                Sure! Here's how to set up the project:

                1. **Install Java 21** from https://adoptium.net.
                2. Clone the repo, e.g. `git clone https://github.com/x/y.git`.
                3. Run `./mvnw test`.

                ```bash
                ./mvnw -q -B test
                ```

                That's it... mostly. If it fails, check the U.S. mirror at 3 p.m. or ask Dr. Lee.""",
                """
                ## Summary

                The fastest option costs $1,249.99 and ships in 2-3 days. The cheaper one (v1.2.3) is slower — but \
                it's fine.

                | Option | Price |
                |---|---:|
                | Fast | $1,249.99 |
                | Cheap | $899 |

                > Note: prices change often.

                ---

                *Let me know* if you want more details!""",
                """
                There are a few things to consider, and I'll walk you through each of them in turn:

                - **Performance**: the new engine is roughly 3.5x faster, i.e. most queries finish in under 20 ms.
                  - Caching helps, etc.
                - **Cost**: about €40/month.
                - **Risk**: low; see [the migration guide](https://example.com/docs/migrate.html#step-2).

                Overall, I'd recommend upgrading. Questions?""",
                """
                Use this function:

                ```python
                def add(a, b):
                    return a + b  # Sum. Done.
                ```

                Call it like `add(2, 3)`, which returns 5. For strings, `add('a', 'b')` gives 'ab'.

                ```
                unterminated block at the end""",
                """
                Hmm... that's a tough one! Honestly, I think the answer is "it depends." Mr. Smith's book (2nd ed., \
                p. 42) covers it well… but it's long. Email me at help@example.org anytime.""",
                """
                # Trip plan

                Day 1: arrive at 9:15 a.m., check in, and walk along the river — the view is great. Day 2: \
                museums; the Louvre opens at 9 a.m. and tickets cost €22. Day 3: rest.

                **Tip:** book early.""",
                "A very long answer without any punctuation that goes on and on about nothing in particular "
                        + "while the listener waits and waits for the speaker to finally reach some kind of point "
                        + "which never really arrives because the model forgot how to stop talking altogether today");
    }

    static Stream<Arguments> realisticRepliesFedEveryWay() {
        return realisticReplies().flatMap(reply -> Stream.of(Feeding.CHAR_BY_CHAR, Feeding.RANDOM_SPLITS)
                .map(feeding -> Arguments.of(reply, feeding)));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("realisticRepliesFedEveryWay")
    void givesTheSameChunksHoweverAReplyIsSplitIntoPushes(String reply, Feeding feeding) {
        List<String> whole = chunk(Settings.defaults(), Feeding.WHOLE, reply);

        assertThat(chunk(Settings.defaults(), feeding, reply)).isEqualTo(whole);
        assertThat(whole).isNotEmpty().noneMatch(c -> c.contains("**") || c.contains("`") || c.contains("]("));
    }

    @Test
    void chunksALongReplyFedCharByCharExactlyAsWhenFedWhole() {
        StringBuilder reply = new StringBuilder();
        List<String> replies = realisticReplies().toList();
        for (int i = 0; reply.length() < 20_000; i++) {
            reply.append("Part ").append(i).append(". ").append(replies.get(i % replies.size())).append("\n\n");
        }

        List<String> whole = chunk(Settings.defaults(), Feeding.WHOLE, reply.toString());
        List<String> charByChar = chunk(Settings.defaults(), Feeding.CHAR_BY_CHAR, reply.toString());

        assertThat(charByChar).isEqualTo(whole);
        assertThat(whole).hasSizeGreaterThan(200).noneMatch(c -> c.contains("def add"));
    }
}
