package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a saved conversation by words of its name or of what was said in it. */
class ConversationSearchTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path folder;

    private ConversationStore store;

    private ConversationSearch search() {
        store = new ConversationStore(folder, Clock.fixed(T0, ZoneOffset.UTC));
        return new ConversationSearch(store);
    }

    private void save(String name, String question, String answer) {
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));
        conversation.addUser(question);
        conversation.addAssistant(answer);
        store.save(name, conversation);
    }

    private List<String> found(ConversationSearch search, String query) {
        return search.find(query, store.list(), () -> false).stream().map(found -> found.info().name()).toList();
    }

    @Test
    void findsAConversationByWhatWasSaidInIt() {
        ConversationSearch search = search();
        save("kitchen", "How long do I boil an egg?", "About nine minutes for a hard-boiled egg.");
        save("travel", "When does the train to Lyon leave?", "At 10:42 from platform 3.");

        List<ConversationSearch.Found> found = search.find("hard-boiled", store.list(), () -> false);

        assertThat(found).extracting(hit -> hit.info().name()).containsExactly("kitchen");
        assertThat(found.getFirst().snippet()).as("from a word shortly before, so a narrow sidebar shows it")
                .isEqualTo("…for a hard-boiled egg.");
    }

    @Test
    void everyWordMustBeThereInAnyCaseOrAccentAndInAnyTurn() {
        ConversationSearch search = search();
        save("paris", "Where is a good Café near the Louvre?", "Try the one on Rue de Rivoli.");
        save("lyon", "A good cafe in Lyon?", "Try the Bouchon on the quay.");

        assertThat(found(search, "CAFE rivoli")).containsExactly("paris");
        assertThat(found(search, "cafe")).containsExactlyInAnyOrder("paris", "lyon");
        assertThat(found(search, "İstanbul")).isEmpty();
        assertThat(found(search, "  ")).isEmpty();
    }

    @Test
    void greekFinalSigmaAndCapitalsFoldAsTheirMidWordLetters() {
        assertThat(ConversationSearch.namesHolding("οδος").test("ΟΔΟΣ ΚΑΙ ΔΡΟΜΟΣ")).isTrue();
        assertThat(ConversationSearch.namesHolding("ΔΡΟΜΟΣ").test("ο δρόμος")).isTrue();
        assertThat(ConversationSearch.fold("Ünïcödé ﬁne İzmir")).isEqualTo("unicode fine izmir");
    }

    @Test
    void aConversationWhoseNameMatchesIsFoundWithoutASnippet() {
        ConversationSearch search = search();
        save("Tomato soup", "Ingredients?", "Tomatoes, an onion, stock.");

        List<ConversationSearch.Found> found = search.find("tomato", store.list(), () -> false);

        assertThat(found).singleElement().satisfies(hit -> assertThat(hit.snippet()).isEmpty());
        assertThat(ConversationSearch.namesHolding("SOUP tom").test("Tomato soup")).isTrue();
        assertThat(ConversationSearch.namesHolding("").test("Tomato soup")).isFalse();
    }

    @Test
    void aSnippetIsOneLineAroundTheWordOfALongTurn() {
        ConversationSearch search = search();
        String before = "word ".repeat(40);
        save("long", "Tell me a story.", before + "then the\ndragon slept " + "more ".repeat(40));

        String snippet = search.find("DRAGON", store.list(), () -> false).getFirst().snippet();

        assertThat(snippet).startsWith("…").endsWith("…").contains("then the dragon slept").doesNotContain("\n");
        assertThat(snippet.length()).isLessThanOrEqualTo(92);
    }

    @Test
    void aSnippetAfterFoldedLettersStillShowsTheWord() {
        ConversationSearch search = search();
        save("accents", "?", "Ça et là, ﬁne İzmir cafés ".repeat(3) + "and at last the lighthouse.");

        assertThat(search.find("lighthouse", store.list(), () -> false).getFirst().snippet()).contains("lighthouse");
    }

    @Test
    void aSnippetAmongCharactersBeyondSixteenBitsShowsTheWordAndCutsNoneInHalf() {
        ConversationSearch search = search();
        String bold = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A: two chars, folded to one ("a")
        String smile = "\uD83D\uDE00";
        save("bold", "?", bold.repeat(300) + " zebra at the end");
        save("smiles", "?", "x".repeat(13) + smile.repeat(50) + "-needle" + smile.repeat(100));

        String zebra = search.find("zebra", store.list(), () -> false).getFirst().snippet();
        String needle = search.find("needle", store.list(), () -> false).getFirst().snippet();

        assertThat(zebra).contains("zebra at the end");
        for (String snippet : List.of(zebra, needle)) {
            assertThat(snippet.codePoints().filter(c -> Character.isSurrogate((char) c)).count()).as(snippet).isZero();
        }
        assertThat(needle).contains(smile + "-needle" + smile);
    }

    @Test
    void aStoppedSearchEndsAtTheNextFile() {
        ConversationSearch search = search();
        for (int i = 0; i < 5; i++) {
            save("chat " + i, "Question " + i, "Answer about tea " + i);
        }
        AtomicInteger asked = new AtomicInteger();

        List<ConversationSearch.Found> found = search.find("tea", store.list(), () -> asked.incrementAndGet() > 2);

        assertThat(found).hasSize(2);
    }

    @Test
    void aFileThatCannotBeReadIsPassedOver() throws Exception {
        ConversationSearch search = search();
        save("fine", "Tea?", "Green tea.");
        save("broken", "Tea?", "Black tea.");
        List<ConversationInfo> rows = store.list();
        Files.writeString(folder.resolve("broken.json"), "not json");

        assertThat(search.find("tea", rows, () -> false)).extracting(hit -> hit.info().name()).containsExactly("fine");
    }
}
