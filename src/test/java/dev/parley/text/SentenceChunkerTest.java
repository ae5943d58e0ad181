package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.Feeding;
import dev.parley.text.SentenceChunker.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceChunkerTest {

    /** Sentence rules alone: the early first chunk is switched off by an unreachable word count. */
    private static final Settings SENTENCES_ONLY = new Settings(Integer.MAX_VALUE, 220);

    static Stream<Arguments> sentences() {
        return Stream.of(
                chunks("Hello there. How are you? I am fine!", "Hello there.", "How are you?", "I am fine!"),
                chunks("Really?! Yes!!! Fine.", "Really?!", "Yes!!!", "Fine."),
                chunks("Dr. Smith and Mr. Brown met Mrs. Green and Ms. White.",
                        "Dr. Smith and Mr. Brown met Mrs. Green and Ms. White."),
                chunks("Prof. Lee lives on Baker St. near the park.", "Prof. Lee lives on Baker St. near the park."),
                chunks("Python vs. Java is an old debate. Both work.", "Python vs. Java is an old debate.", "Both work."),
                chunks("Bring fruit, bread, etc. and water. Then go.", "Bring fruit, bread, etc. and water.", "Then go."),
                chunks("Bring fruit, bread, etc. The rest is provided.", "Bring fruit, bread, etc.", "The rest is provided."),
                chunks("Use a tool, e.g. a hammer, i.e. something heavy. Next.",
                        "Use a tool, e.g. a hammer, i.e. something heavy.", "Next."),
                chunks("The U.S. economy and the U.K. market grew. Good.",
                        "The U.S. economy and the U.K. market grew.", "Good."),
                chunks("We meet at 3:30 p.m. tomorrow. Bring notes.", "We meet at 3:30 p.m. tomorrow.", "Bring notes."),
                chunks("At 9 a.m. we start.", "At 9 a.m. we start."),
                chunks("The shop closes at 6 p.m. The café stays open.", "The shop closes at 6 p.m.", "The café stays open."),
                chunks("John F. Kennedy spoke. People listened.", "John F. Kennedy spoke.", "People listened."),
                chunks("Pi is about 3.14 today. Yes.", "Pi is about 3.14 today.", "Yes."),
                chunks("It costs $1,000.50 in total. Expensive.", "It costs $1,000.50 in total.", "Expensive."),
                chunks("Upgrade to version 1.2.3 now. Done.", "Upgrade to version 1.2.3 now.", "Done."),
                chunks("See https://example.com/a.b?c=d. Then reload.", "See https://example.com/a.b?c=d.", "Then reload."),
                chunks("Write to name@example.co.uk today. Thanks.", "Write to name@example.co.uk today.", "Thanks."),
                chunks("Well... maybe not. Okay.", "Well... maybe not.", "Okay."),
                chunks("Wait… what happened? Nothing.", "Wait… what happened?", "Nothing."),
                chunks("I thought so... The end.", "I thought so... The end."),
                chunks("He said \"Stop.\" Then he left.", "He said \"Stop.\"", "Then he left."),
                chunks("It works (mostly.) Try it.", "It works (mostly.)", "Try it."),
                chunks("Summary: it shipped in 2024. That is all.", "Summary: it shipped in 2024.", "That is all."),
                chunks("First paragraph without an end\n\nSecond paragraph", "First paragraph without an end",
                        "Second paragraph"),
                chunks("A line wrapped\nin the middle of a sentence.", "A line wrapped in the middle of a sentence."),
                chunks("Done.\nNext line.", "Done.", "Next line."),
                chunks("Tabs\tand   spaces\n  normalized.", "Tabs and spaces normalized."),
                chunks("No final punctuation", "No final punctuation"));
    }

    static Stream<Arguments> markdown() {
        return Stream.of(
                chunks("**Bold** start. Then *italic* end.", "Bold start.", "Then italic end."),
                chunks("**Note.** Read this.", "Note.", "Read this."),
                chunks("~~Old~~ new price.", "Old new price."),
                chunks("Keep snake_case_names and 2*3*4 intact.", "Keep snake_case_names and 2*3*4 intact."),
                chunks("Call `os.path.join(a, b)` here. Next.", "Call os.path.join(a, b) here.", "Next."),
                chunks("Run `make test. again` now. Then wait.", "Run make test. again now.", "Then wait."),
                chunks("# Getting started\nInstall it first.", "Getting started", "Install it first."),
                chunks("Intro\n## Details ##\nMore here.", "Intro", "Details", "More here."),
                chunks("Learn C#. Then F#.", "Learn C#.", "Then F#."),
                chunks("Options:\n- Apples\n- Pears\n* Plums\n+ Figs", "Options:", "Apples", "Pears", "Plums", "Figs"),
                chunks("1. Install Java.\n2. Run the app.\n10. Enjoy", "Install Java.", "Run the app.", "Enjoy"),
                chunks("1. **Step one.** Do this.", "Step one.", "Do this."),
                chunks("- [ ] write tests\n- [x] write code", "write tests", "write code"),
                chunks("- an item that goes on\n  over two lines", "an item that goes on", "over two lines"),
                chunks("> Quoted wisdom here.\n> And more.", "Quoted wisdom here.", "And more."),
                chunks("Read [the guide](https://x.com/guide.html) first. Then ask.", "Read the guide first.", "Then ask."),
                chunks("See ![diagram](d.png) below.", "See below."),
                chunks("Above.\n\n---\n\nBelow.", "Above.", "Below."),
                chunks("| Name | Age |\n|---|---|\n| Bob | 42 |", "Name, Age", "Bob, 42"),
                chunks("Code:\n```python\nprint('Hi. There.')\n```\nDone.", "Code:", "Done."),
                chunks("Before.\n```\nnever closed. Still code.", "Before."),
                chunks("Steps:\n1. Build:\n   ```bash\n   make\n   ```\n2. Test.", "Steps:", "Build:", "Test."),
                chunks("Only code follows\n```\n```", "Only code follows"),
                chunks("~~~\ntilde fence\n~~~\nAfter it.", "After it."),
                chunks("---\n***\n", new String[0]),
                chunks("**", new String[0]),
                chunks("   \n\n  ", new String[0]),
                chunks("", new String[0]));
    }

    static Stream<Arguments> earlyFirstChunks() {
        return Stream.of(
                chunks("Sure, here is what I found, and it is a lot. Next one.",
                        "Sure, here is what I found,", "and it is a lot.", "Next one."),
                chunks("The answer to your question is simple: it depends. Right.",
                        "The answer to your question is simple:", "it depends.", "Right."),
                chunks("This is quite a long opening — and then more. End.",
                        "This is quite a long opening —", "and then more.", "End."),
                chunks("Four words right here - then the rest. End.",
                        "Four words right here -", "then the rest.", "End."),
                chunks("So here we are; the rest follows. End.", "So here we are;", "the rest follows.", "End."),
                chunks("Okay, yes. Then, after that, and later, we go.", "Okay, yes.", "Then, after that, and later, we go."),
                chunks("Only two, then more words follow. End.", "Only two, then more words follow.", "End."),
                chunks("Two words; then more words follow. End.", "Two words; then more words follow.", "End."),
                chunks("It is sunny and warm in the city today. End.", "It is sunny", "and warm in the city today.", "End."),
                chunks("I like it but it is late, sadly. End.", "I like it", "but it is late, sadly.", "End."),
                chunks("Bread and butter are on the table. End.", "Bread and butter are on the table.", "End."),
                chunks("It is what it is because of rain. End.", "It is what it is", "because of rain.", "End."),
                chunks("The android sits there quietly. End.", "The android sits there quietly.", "End."),
                chunks("The sum of 1,000 and 2,000 is 3,000. End.", "The sum of 1,000 and 2,000 is 3,000.", "End."),
                chunks("At 10:30 we will all meet, I think. End.", "At 10:30 we will all meet,", "I think.", "End."),
                chunks("**Good question, my friend,** let us see. End.", "Good question, my friend,", "let us see.", "End."),
                chunks("Use `a, b, c, d, e` and more words, fine. End.", "Use a, b, c, d, e and more words,", "fine.", "End."),
                chunks("# A title with many words, and a comma\nBody.", "A title with many words,", "and a comma", "Body."));
    }

    /** Bound of 60 characters; the early first chunk is off so only the bound cuts. */
    static Stream<Arguments> longSentences() {
        return Stream.of(
                chunks("This sentence keeps going, and it has several clauses, each one adding more words to it until the very end.",
                        "This sentence keeps going, and it has several clauses,",
                        "each one adding more words to it until the very end."),
                chunks("Too long a sentence without commas goes on and on and then some more words here.",
                        "Too long a sentence without commas goes on and on",
                        "and then some more words here."),
                chunks("This sentence has no clause punctuation at all yet simply keeps on going well past the limit we set here.",
                        "This sentence has no clause punctuation at all yet simply",
                        "keeps on going well past the limit we set here."),
                chunks("A **bold claim that spans the place where the chunk gets cut because it is so long** ends here.",
                        "A bold claim that spans the place where the chunk gets cut",
                        "because it is so long ends here."),
                chunks("Read [a link whose text is long enough to reach beyond the bound](https://example.com/x) please.",
                        "Read a link whose text is long enough to reach beyond the",
                        "bound please."),
                chunks("| a very long cell with many words | another long cell with many more words | third |",
                        "a very long cell with many words, another long cell with",
                        "many more words, third"),
                // A single word longer than the bound can only be cut inside; the bound wins.
                chunks("Look at https://example.com/a/very/long/path/that/goes/on/and/on/forever/and/ever/index.html now.",
                        "Look at",
                        "https://example.com/a/very/long/path/that/goes/on/and/on/fo",
                        "rever/and/ever/index.html now."));
    }

    private static Arguments chunks(String reply, String... expected) {
        return Arguments.of(reply, List.of(expected));
    }

    static Stream<Arguments> sentencesFedEveryWay() {
        return everyFeeding(sentences());
    }

    static Stream<Arguments> markdownFedEveryWay() {
        return everyFeeding(markdown());
    }

    static Stream<Arguments> earlyFirstChunksFedEveryWay() {
        return everyFeeding(earlyFirstChunks());
    }

    static Stream<Arguments> longSentencesFedEveryWay() {
        return everyFeeding(longSentences());
    }

    private static Stream<Arguments> everyFeeding(Stream<Arguments> rows) {
        return rows.flatMap(row -> Arrays.stream(Feeding.values())
                .map(feeding -> Arguments.of(row.get()[0], row.get()[1], feeding)));
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("sentencesFedEveryWay")
    void splitsAtSentenceEndsButNotInsideAbbreviationsNumbersOrAddresses(
            String reply, List<String> expected, Feeding feeding) {
        assertThat(chunk(SENTENCES_ONLY, feeding, reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("markdownFedEveryWay")
    void speaksMarkdownAsWordsAndNeverReadsCode(String reply, List<String> expected, Feeding feeding) {
        assertThat(chunk(SENTENCES_ONLY, feeding, reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("earlyFirstChunksFedEveryWay")
    void endsOnlyTheFirstChunkEarlyAtAClauseOnceItHasEnoughWords(
            String reply, List<String> expected, Feeding feeding) {
        assertThat(chunk(Settings.defaults(), feeding, reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("longSentencesFedEveryWay")
    void cutsATooLongSentenceAtItsLastClauseElseItsLastSpace(String reply, List<String> expected, Feeding feeding) {
        assertThat(chunk(new Settings(Integer.MAX_VALUE, 60), feeding, reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {20, 45, 80, 220})
    void keepsEveryChunkWithinTheBoundWithoutBreakingWords(int maxChunkChars) {
        String reply = "Streaming speech works best when chunks are short, because the synthesizer can start "
                + "early; yet chunks that are too short sound choppy — so the chunker balances both, cutting "
                + "long sentences at clauses and otherwise at spaces between words like these ones here and "
                + "extraordinarily lengthy words do not get split apart";

        for (Feeding feeding : Feeding.values()) {
            List<String> chunks = chunk(new Settings(4, maxChunkChars), feeding, reply);

            assertThat(chunks).as("%s", feeding).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(maxChunkChars));
            assertThat(String.join(" ", chunks)).as("%s", feeding).isEqualTo(reply);
        }
    }

    @Test
    void emitsASentenceAsSoonAsTheNextOneBegins() {
        SentenceChunker chunker = new SentenceChunker(SENTENCES_ONLY);

        assertThat(chunker.push("Hello there.")).isEmpty();
        assertThat(chunker.push(" H")).containsExactly("Hello there.");
        assertThat(chunker.push("ow are you")).isEmpty();
        assertThat(chunker.finish()).containsExactly("How are you");
    }

    @Test
    void holdsBackAPeriodUntilTheNextCharacterShowsWhatItIs() {
        SentenceChunker chunker = new SentenceChunker(SENTENCES_ONLY);

        assertThat(chunker.push("It is 3.")).isEmpty();
        assertThat(chunker.push("14 exactly.")).isEmpty();
        assertThat(chunker.push(" S")).containsExactly("It is 3.14 exactly.");
    }

    @Test
    void waitsForTheWordAfterAnAbbreviationThatMayEndASentence() {
        SentenceChunker chunker = new SentenceChunker(SENTENCES_ONLY);

        assertThat(chunker.push("Open until 5 p.m.   ")).isEmpty();
        assertThat(chunker.push("T")).containsExactly("Open until 5 p.m.");
    }

    @Test
    void finishReleasesWhatWasHeldBack() {
        SentenceChunker chunker = new SentenceChunker(SENTENCES_ONLY);

        assertThat(chunker.push("Ask Dr.")).isEmpty();
        assertThat(chunker.finish()).containsExactly("Ask Dr.");
    }

    @Test
    void stripsMarkdownSplitAcrossPushes() {
        SentenceChunker chunker = new SentenceChunker(SENTENCES_ONLY);

        List<String> chunks = new ArrayList<>(chunker.push("**bo"));
        chunks.addAll(chunker.push("ld** move with [a li"));
        chunks.addAll(chunker.push("nk](https://x.co"));
        chunks.addAll(chunker.push("m/a.b). N"));

        assertThat(chunks).containsExactly("bold move with a link.");
    }

    @Test
    void dropsACodeFenceSplitAcrossPushes() {
        SentenceChunker chunker = new SentenceChunker(Settings.defaults());

        List<String> chunks = new ArrayList<>(chunker.push("Look here:\n``"));
        chunks.addAll(chunker.push("`py\nx = 1. Say this"));
        chunks.addAll(chunker.push(" not.\n``"));
        chunks.addAll(chunker.push("`\nAfter the code. "));
        chunks.addAll(chunker.finish());

        assertThat(chunks).containsExactly("Look here:", "After the code.");
    }

    @Test
    void startsAFreshReplyAfterFinish() {
        SentenceChunker chunker = new SentenceChunker(Settings.defaults());
        chunk(chunker, "One two three four, five. Then code:\n```\nleft open");

        assertThat(chunk(chunker, "Alpha beta gamma delta, epsilon."))
                .containsExactly("Alpha beta gamma delta,", "epsilon.");
    }

    @Test
    void defaultsEndTheFirstChunkAfterThreeWordsAndBoundChunksAt220Chars() {
        assertThat(Settings.defaults()).isEqualTo(new Settings(3, 220));
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Settings(-1, 220)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstChunkMinWords");
        assertThatThrownBy(() -> new Settings(4, 19)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChunkChars");
    }

    @Test
    void plainTextIsCutIntoSentencesButNothingInItIsReadAsMarkdown() {
        SentenceChunker chunker = SentenceChunker.plainText(Settings.defaults());

        assertThat(chunk(chunker, "See note [1]. Then x[i] = a < b, <b>bold</b> and *stars* `here`.\n"
                + "- 5 degrees.\n```\nkept\n```\n# Heading"))
                .containsExactly("See note [1].", "Then x[i] = a < b, <b>bold</b> and *stars* `here`.", "- 5 degrees.",
                        "``` kept ``` # Heading");
    }

    private static List<String> chunk(SentenceChunker chunker, String reply) {
        List<String> chunks = new ArrayList<>(chunker.push(reply));
        chunks.addAll(chunker.finish());
        return chunks;
    }

    /** {@code reply}'s chunks when it arrives in {@code feeding}'s pieces. */
    static List<String> chunk(Settings settings, Feeding feeding, String reply) {
        SentenceChunker chunker = new SentenceChunker(settings);
        List<String> chunks = new ArrayList<>();
        for (String piece : feeding.pieces(reply)) {
            chunks.addAll(chunker.push(piece));
        }
        chunks.addAll(chunker.finish());
        return chunks;
    }
}
