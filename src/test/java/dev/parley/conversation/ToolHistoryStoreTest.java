package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tool rounds in saved conversations: kept exactly, optional for older files, checked when read. */
class ToolHistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00.123456789Z");

    @TempDir
    Path folder;

    private ConversationStore store() {
        return new ConversationStore(folder, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    }

    private static Conversation maths() {
        return Conversation.restore("Be brief.", T0, null, 0, List.of(
                Turn.user("what is 21*2, and what time is it?", T0.plusSeconds(1)),
                Turn.assistant("Let me work that out. 21 times 2 is 42; it is noon.", T0.plusSeconds(2), "easy", false,
                        List.of(new ToolRound("Let me work that out.", List.of(
                                new ToolCall("call_a", "calculate", "{\"expression\":\"21*2\"}", "42"),
                                new ToolCall("call_b", "current_time", "{}", "12:00 \"UTC\"\nline two"))))),
                Turn.user("and double that", T0.plusSeconds(3)),
                Turn.assistant("84", T0.plusSeconds(4), null, true,
                        List.of(new ToolRound("", List.of(new ToolCall("call_c", "calculate",
                                "{\"expression\":\"42*2\"}", "84")))))));
    }

    @Test
    void aSavedFileWithToolRoundsLoadsAndSavesAgainByteForByte() throws Exception {
        ConversationStore store = store();
        store.save("maths", maths());
        byte[] first = Files.readAllBytes(folder.resolve("maths.json"));

        Conversation loaded = store().load("maths");
        store().save("maths", loaded);

        assertThat(loaded.turns()).isEqualTo(maths().turns());
        assertThat(loaded.messages()).isEqualTo(maths().messages());
        assertThat(Files.readAllBytes(folder.resolve("maths.json"))).isEqualTo(first);
        assertThat(new String(first)).contains("\"tool-rounds\"", "\"id\" : \"call_a\"", "\"result\" : \"42\"");
    }

    @Test
    void anAnswerStoppedAfterItsToolRanBeforeItSaidAnythingIsSavedReadably() throws Exception {
        Conversation stopped = Conversation.restore("Be brief.", T0, null, 0, List.of(
                Turn.user("what time is it?", T0.plusSeconds(1)),
                Turn.assistant("", T0.plusSeconds(2), null, true, List.of(new ToolRound("", List.of(
                        new ToolCall("call_a", "current_time", "{}", "12:00")))))));
        store().save("stopped", stopped);

        assertThat(store().load("stopped").turns()).isEqualTo(stopped.turns());
    }

    @Test
    void aFileSavedWithoutTheTextOfAnAnswerStoppedAfterItsToolRanLoads() throws Exception {
        // As builds of 2026-12-04 to -07 saved such an answer: its empty text left out.
        Files.writeString(folder.resolve("stopped.json"), """
                {
                  "format" : 1,
                  "name" : "stopped",
                  "created" : "2026-12-05T10:00:00Z",
                  "updated" : "2026-12-05T10:00:05Z",
                  "system-prompt" : "Be brief.",
                  "turns" : [ {
                    "role" : "user",
                    "text" : "what time is it?",
                    "at" : "2026-12-05T10:00:01Z"
                  }, {
                    "role" : "assistant",
                    "at" : "2026-12-05T10:00:02Z",
                    "interrupted" : true,
                    "tool-rounds" : [ {
                      "calls" : [ {
                        "id" : "call_a",
                        "name" : "current_time",
                        "arguments" : "{}",
                        "result" : "12:00"
                      } ]
                    } ]
                  } ]
                }
                """);

        Conversation loaded = store().load("stopped");

        assertThat(loaded.turns().getLast().text()).isEmpty();
        assertThat(loaded.turns().getLast().toolRounds()).extracting(ToolRound::calls)
                .containsExactly(List.of(new ToolCall("call_a", "current_time", "{}", "12:00")));
        assertThat(store().list()).extracting(ConversationInfo::name).contains("stopped");
    }

    @Test
    void aFileSavedBeforeToolRoundsWereKeptLoadsWithNone() throws Exception {
        Files.writeString(folder.resolve("old.json"), """
                {
                  "format" : 1,
                  "name" : "old",
                  "created" : "2026-11-22T10:15:30Z",
                  "updated" : "2026-11-22T10:16:30Z",
                  "system-prompt" : "Be brief.",
                  "context-start" : 0,
                  "turns" : [ {
                    "role" : "user",
                    "text" : "What is 12 times 7?",
                    "at" : "2026-11-22T10:15:31Z"
                  }, {
                    "role" : "assistant",
                    "text" : "84.",
                    "at" : "2026-11-22T10:15:32Z",
                    "reasoning" : "simple"
                  } ]
                }
                """);

        Conversation loaded = store().load("old");

        assertThat(loaded.turns()).extracting(Turn::toolRounds).containsOnly(List.of());
        assertThat(loaded.messages()).containsExactly(Message.system("Be brief."), Message.user("What is 12 times 7?"),
                Message.assistant("84."));
        assertThat(store().exportMarkdown("old", false)).doesNotContain("⚙");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"calls\":[{\"name\":\"calculate\",\"arguments\":\"{}\",\"result\":\"42\"}]}",
            "{\"calls\":[{\"id\":\"\",\"name\":\"calculate\",\"arguments\":\"{}\",\"result\":\"42\"}]}",
            "{\"calls\":[{\"id\":\"call_a\",\"arguments\":\"{}\",\"result\":\"42\"}]}",
            "{\"calls\":[{\"id\":\"call_a\",\"name\":\"calculate\",\"arguments\":\"{}\"}]}",
            "{\"calls\":[]}",
            "{\"text\":\"no calls\"}"})
    void aToolRoundWithoutItsIdNameResultOrCallsIsReportedAndLeftAlone(String round) throws Exception {
        Path file = folder.resolve("broken.json");
        String content = "{\"format\":1,\"name\":\"broken\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"updated\":\"2026-01-01T00:00:00Z\",\"turns\":[{\"role\":\"user\",\"text\":\"hi\","
                + "\"at\":\"2026-01-01T00:00:00Z\"},{\"role\":\"assistant\",\"text\":\"42\",\"at\":"
                + "\"2026-01-01T00:00:01Z\",\"tool-rounds\":[" + round + "]}]}";
        Files.writeString(file, content);

        assertThatThrownBy(() -> store().load("broken")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a readable conversation");
        assertThat(file).hasContent(content);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"role\":\"user\",\"at\":\"2026-01-01T00:00:01Z\"}",
            "{\"role\":\"assistant\",\"at\":\"2026-01-01T00:00:01Z\"}"})
    void aTurnWithoutTextIsRefusedUnlessItIsAnAnswerWhoseToolsRan(String turn) throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\"format\":1,\"name\":\"broken\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"updated\":\"2026-01-01T00:00:00Z\",\"turns\":[{\"role\":\"user\",\"text\":\"hi\","
                + "\"at\":\"2026-01-01T00:00:00Z\"}," + turn + "]}");

        assertThatThrownBy(() -> store().load("broken")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("without its text");
    }

    @Test
    void aToolRoundOnAUserTurnIsRefused() throws Exception {
        Files.writeString(folder.resolve("odd.json"), "{\"format\":1,\"name\":\"odd\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"updated\":\"2026-01-01T00:00:00Z\",\"turns\":[{\"role\":\"user\",\"text\":\"hi\","
                + "\"at\":\"2026-01-01T00:00:00Z\",\"tool-rounds\":[{\"calls\":[{\"id\":\"c\",\"name\":\"n\","
                + "\"arguments\":\"{}\",\"result\":\"r\"}]}]}]}");

        assertThatThrownBy(() -> store().load("odd")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("only the assistant calls tools");
    }

    @Test
    void theMarkdownExportShowsEachCallOnOneLineBeforeItsAnswer() {
        ConversationStore store = store();
        store.save("maths", maths());

        String markdown = store.exportMarkdown("maths", false);

        assertThat(markdown).isEqualTo("""
                # maths

                **You:** what is 21*2, and what time is it?

                ⚙ calculate {"expression":"21*2"} → 42 \s
                ⚙ current_time {} → 12:00 "UTC" line two \s

                **Parley:** Let me work that out. 21 times 2 is 42; it is noon.

                **You:** and double that

                ⚙ calculate {"expression":"42*2"} → 84 \s

                **Parley:** 84 *(interrupted)*
                """);
    }
}
