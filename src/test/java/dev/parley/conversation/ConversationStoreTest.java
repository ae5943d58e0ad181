package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123456789Z");

    @TempDir
    Path folder;

    private ConversationStore storeAt(Instant now) {
        return new ConversationStore(folder, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Conversation sample() {
        Conversation conversation = Conversation.restore("Be brief.", T0, "They talked about rivers.", 2, List.of(
                Turn.user("Longest river?", T0.plusSeconds(1)),
                Turn.assistant("The Nile.", T0.plusSeconds(2), "Nile vs Amazon, by most measures the Nile", false),
                Turn.user("And in Europe?", T0.plusSeconds(3)),
                Turn.assistant("The Vol", T0.plusSeconds(4), null, true)));
        return conversation;
    }

    @Test
    void roundTripKeepsEveryField() {
        ConversationStore store = storeAt(T0.plusSeconds(60));

        store.save("Rivers 2", sample());
        Conversation loaded = store.load("Rivers 2");

        assertThat(loaded.systemPrompt()).isEqualTo("Be brief.");
        assertThat(loaded.created()).isEqualTo(T0);
        assertThat(loaded.summary()).isEqualTo("They talked about rivers.");
        assertThat(loaded.contextStart()).isEqualTo(2);
        assertThat(loaded.turns()).isEqualTo(sample().turns());
        assertThat(loaded.messages()).isEqualTo(sample().messages());
        assertThat(store.list()).containsExactly(new ConversationInfo("Rivers 2", 4, T0.plusSeconds(60)));
        assertThat(folder.resolve("Rivers-2.json")).exists();
    }

    @Test
    void anAnswerTheProviderEndedEarlyIsSavedSoAndOthersWithoutTheField() throws Exception {
        ConversationStore store = storeAt(T0);
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));
        conversation.addUser("Tell all");
        conversation.addAssistant("Once upon", null, false, List.of(), AnswerEnd.CUT_SHORT);
        conversation.addUser("And that?");
        conversation.addAssistant("No.", null, false, List.of(), AnswerEnd.FILTERED);
        conversation.addUser("Hi");
        conversation.addAssistant("Hello.");

        store.save("endings", conversation);

        assertThat(store.load("endings").turns()).extracting(Turn::ended).containsExactly(AnswerEnd.WHOLE,
                AnswerEnd.CUT_SHORT, AnswerEnd.WHOLE, AnswerEnd.FILTERED, AnswerEnd.WHOLE, AnswerEnd.WHOLE);
        String saved = Files.readString(store.fileFor("endings"));
        assertThat(saved).contains("\"ended\" : \"max-tokens\"", "\"ended\" : \"safety-filter\"");
        assertThat(saved.split("\"ended\"", -1)).hasSize(3);
    }

    @Test
    void anEndingALaterParleyMayWriteLoadsAsAWholeAnswer() throws Exception {
        ConversationStore store = storeAt(T0);
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));
        conversation.addUser("Tell all");
        conversation.addAssistant("Once upon", null, false, List.of(), AnswerEnd.CUT_SHORT);
        store.save("later", conversation);
        Path file = store.fileFor("later");
        Files.writeString(file, Files.readString(file).replace("max-tokens", "time-limit"));

        assertThat(store.load("later").turns().getLast()).extracting(Turn::text, Turn::ended)
                .containsExactly("Once upon", AnswerEnd.WHOLE);
    }

    @Test
    void listShowsTheMostRecentlyUpdatedFirstAndIgnoresOtherFiles() throws Exception {
        storeAt(T0).save("older", sample());
        storeAt(T0.plusSeconds(5)).save("newer", new Conversation("x"));
        Files.writeString(folder.resolve(".newer.json.123.tmp"), "{\"half\":");
        Files.writeString(folder.resolve("notes.txt"), "not a conversation");

        assertThat(storeAt(T0).list()).extracting(ConversationInfo::name, ConversationInfo::turns)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("newer", 0),
                        org.assertj.core.groups.Tuple.tuple("older", 4));
    }

    @Test
    void savingRemovesTemporaryFilesAbandonedByAKilledSaveButNotRecentOnes() throws Exception {
        Files.createDirectories(folder);
        Path abandoned = folder.resolve(".notes.json.111.tmp");
        Path recent = folder.resolve(".notes.json.222.tmp");
        Path otherConversation = folder.resolve(".other.json.333.tmp");
        for (Path file : List.of(abandoned, recent, otherConversation)) {
            Files.writeString(file, "{\"half\":");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(T0.minusSeconds(3600)));
        }
        Files.setLastModifiedTime(recent, java.nio.file.attribute.FileTime.from(T0.minusSeconds(60)));

        storeAt(T0).save("notes", sample());

        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherConversation).exists();
    }

    @Test
    void renameMovesTheConversationAndRefusesToOverwrite() {
        ConversationStore store = storeAt(T0);
        store.save("first", sample());
        store.save("taken", new Conversation("x"));

        store.rename("first", "second try");

        assertThat(store.exists("first")).isFalse();
        assertThat(store.load("second try").turns()).isEqualTo(sample().turns());
        assertThat(store.list()).extracting(ConversationInfo::name).containsExactlyInAnyOrder("second try", "taken");
        assertThatThrownBy(() -> store.rename("second try", "taken"))
                .isInstanceOf(ConversationStoreException.class).hasMessageContaining("already exists");
        assertThat(store.load("taken").turns()).isEmpty();
    }

    @Test
    void deleteRemovesTheFileAndMissingNamesSayHowToListThem() {
        ConversationStore store = storeAt(T0);
        store.save("gone", sample());

        store.delete("gone");

        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.delete("gone")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("no conversation named 'gone'").hasMessageContaining("conversations list");
        assertThatThrownBy(() -> store.load("gone")).isInstanceOf(ConversationStoreException.class);
    }

    @Test
    void exportsMarkdownWithoutReasoningUnlessAsked() {
        ConversationStore store = storeAt(T0);
        store.save("Rivers", sample());

        assertThat(store.exportMarkdown("Rivers", false)).isEqualTo("""
                # Rivers

                **You:** Longest river?

                **Parley:** The Nile.

                **You:** And in Europe?

                **Parley:** The Vol *(interrupted)*
                """);
        assertThat(store.exportMarkdown("Rivers", true)).contains("""
                **You:** Longest river?

                > **Reasoning:**
                > Nile vs Amazon, by most measures the Nile

                **Parley:** The Nile.
                """);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"", "   ", "../escape", "a/b", "a\\b", "dots.json", ".hidden", "semi;colon", "tab\there",
            "..", "nul\0byte", "/etc/passwd", "..\\..\\windows", "a\u202Eb", "NUL", "com1", "Lpt9", "why?",
            "a:b", "a*b", "a\"b", "a<b>", "a|b", "\u0301", "\u0301abc", "a \u093Fb", "\u05B8\u05BC"})
    void rejectsNamesThatAreNotFileSafe(String name) {
        // One level down, so that a file written beside the folder would show too.
        Path conversations = folder.resolve("conversations");
        ConversationStore store = new ConversationStore(conversations, Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> store.save(name, sample())).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("name");
        assertThat(conversations).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void refusesAThousandCharacterNameQuotingOnlyItsStart() {
        ConversationStore store = storeAt(T0);
        String name = "a".repeat(1_000);

        assertThatThrownBy(() -> store.save(name, sample())).isInstanceOf(ConversationStoreException.class)
                .hasMessageStartingWith("'" + "a".repeat(37) + "...' is not a valid conversation name");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void refusesANameTooLongInBytesBeforeAnyTurnIsLost() {
        ConversationStore store = storeAt(T0);
        String hundredCjkLetters = "会".repeat(100);

        assertThatThrownBy(() -> store.fileFor(hundredCjkLetters)).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("is too long for a file name: it takes 300 bytes where at most 200 fit");
        assertThatThrownBy(() -> store.exists(hundredCjkLetters)).isInstanceOf(ConversationStoreException.class);
    }

    @Test
    void savesTheLongestNameThatFitsInBytes() {
        String sixtySixCjkLetters = "会".repeat(66);
        String hundredLatinLetters = "é".repeat(50) + "e".repeat(50); // 150 bytes

        storeAt(T0).save(sixtySixCjkLetters, sample());
        storeAt(T0).save(hundredLatinLetters, sample());

        assertThat(storeAt(T0).list()).extracting(ConversationInfo::name)
                .containsExactlyInAnyOrder(sixtySixCjkLetters, hundredLatinLetters);
    }

    @Test
    void aNameTypedComposedOrDecomposedIsOneConversation() {
        String composed = "Caf\u00e9";
        String decomposed = "Cafe\u0301";

        storeAt(T0).save(decomposed, sample());

        assertThat(storeAt(T0).exists(composed)).isTrue();
        assertThat(folder.resolve("Caf\u00e9.json")).isRegularFile();
    }

    @ParameterizedTest(name = "\"{0}\" is saved as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"work | work.json", "Trip to Rome | Trip-to-Rome.json",
            "2026_plans-B | 2026_plans-B.json", "Café  über | Café-über.json",
            "Café plans, Paris | Café-plans,-Paris.json", "Mum's birthday (2026) & more! +1 | Mum's-birthday-(2026)-&-more!-+1.json",
            "हिंदी नोट्स | हिंदी-नोट्स.json", "தமிழ் | தமிழ்.json", "שָׁלוֹם | שָׁלוֹם.json", "q\u0307\u0323 | q\u0323\u0307.json"})
    void validNamesBecomeReadableFileNames(String name, String fileName) {
        storeAt(T0).save(name, sample());

        assertThat(folder.resolve(fileName)).isRegularFile();
        assertThat(storeAt(T0).list()).extracting(ConversationInfo::name).containsExactly(name);
    }

    @ParameterizedTest(name = "corrupt content #{index}")
    @ValueSource(strings = {"{\"name\": \"broken\", \"turns\": [", "", "not json at all",
            "{\"format\":1,\"name\":\"x\",\"created\":\"yesterday\",\"updated\":\"2026-01-01T00:00:00Z\",\"turns\":[]}",
            "{\"format\":1,\"name\":\"x\",\"created\":\"2026-01-01T00:00:00Z\",\"updated\":\"2026-01-01T00:00:00Z\","
                    + "\"turns\":[{\"role\":\"wizard\",\"text\":\"hi\",\"at\":\"2026-01-01T00:00:00Z\"}]}"})
    void aCorruptFileGivesAnErrorNamingItAndIsLeftInPlace(String content) throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, content);
        ConversationStore store = storeAt(T0);

        assertThatThrownBy(() -> store.load("broken")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a readable conversation")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("JSON String", "token", "Unrecognized",
                        "Exception", "not json at all"));
        assertThat(file).hasContent(content);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aNameTakenByAFolderAPipeOrALinkToNothingIsListedAsUnreadableAndNeverReplaced() throws Exception {
        ConversationStore store = storeAt(T0);
        store.save("kept", sample());
        Files.createDirectory(folder.resolve("folder.json"));
        Files.createSymbolicLink(folder.resolve("dangling.json"), folder.resolve("nowhere"));
        Path outside = Files.createTempFile("outside", ".json");
        Files.copy(folder.resolve("kept.json"), outside, StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(folder.resolve("linked.json"), outside);
        assertThat(new ProcessBuilder("mkfifo", folder.resolve("pipe.json").toString()).start().waitFor()).isZero();

        ConversationStore.Listing listing = store.listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name).containsExactly("kept");
        assertThat(listing.unreadable()).extracting(file -> file.getFileName().toString())
                .containsExactly("dangling.json", "folder.json", "linked.json", "pipe.json");
        assertThatThrownBy(() -> store.rename("kept", "dangling")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("dangling.json is a link");
        for (String name : List.of("pipe", "dangling", "folder", "linked")) {
            assertThatThrownBy(() -> store.exists(name)).isInstanceOf(ConversationStoreException.class)
                    .hasMessageContaining(name + ".json is a").hasMessageContaining("neither reads nor replaces it");
            assertThatThrownBy(() -> store.save(name, sample())).isInstanceOf(ConversationStoreException.class);
        }
        assertThat(folder.resolve("pipe.json")).satisfies(pipe -> assertThat(Files.isRegularFile(pipe)).isFalse());
        assertThat(Files.isSymbolicLink(folder.resolve("dangling.json"))).isTrue();
        assertThat(Files.isSymbolicLink(folder.resolve("linked.json"))).isTrue();
        assertThat(folder.resolve("kept.json")).exists();
        Files.delete(outside);
    }

    @Test
    void aFileLargerThanAnyConversationIsUnreadableWithoutBeingRead() throws Exception {
        ConversationStore store = storeAt(T0);
        Path huge = folder.resolve("huge.json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ConversationStore.MAX_FILE_BYTES + 1L); // sparse: no disk, and never read
        }

        assertThat(store.listing().unreadable()).containsExactly(huge);
        assertThatThrownBy(() -> store.load("huge")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("more than the 134,217,728 Parley reads from it");
        assertThat(Files.size(huge)).isEqualTo(ConversationStore.MAX_FILE_BYTES + 1L);
    }
}
