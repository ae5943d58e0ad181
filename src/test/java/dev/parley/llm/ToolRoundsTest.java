package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.parley.conversation.ToolCall;
import dev.parley.conversation.ToolRound;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRoundsTest {

    private static ToolExecutionRequest request(String id, String name) {
        return ToolExecutionRequest.builder().id(id).name(name).arguments("{\"expression\":\"1+1\"}").build();
    }

    @Test
    void callsWithoutAnIdGetOneAndCallsWithOneKeepIt() {
        AiMessage asked = AiMessage.from("Let me see.", List.of(request(null, "calculate"), request("call_7", "calculate"),
                request(" ", "current_time")));

        AiMessage withIds = ToolRounds.withIds(asked);

        assertThat(withIds.text()).isEqualTo("Let me see.");
        assertThat(withIds.toolExecutionRequests()).extracting(ToolExecutionRequest::id)
                .satisfiesExactly(id -> assertThat(id).matches("call_[0-9a-f]{24}"), id -> assertThat(id)
                        .isEqualTo("call_7"), id -> assertThat(id).matches("call_[0-9a-f]{24}"));
        assertThat(withIds.toolExecutionRequests().get(0).id()).isNotEqualTo(withIds.toolExecutionRequests().get(2).id());
        assertThat(ToolRounds.withIds(withIds)).isSameAs(withIds);
    }

    /**
     * Two calls sharing the id "dup" (calculate 1+1, calculate 2+2): before, the saved round recorded
     * both with the first one's result, "2", and later turns sent that history again.
     */
    @Test
    void aRepeatedIdIsMadeUniqueSoEachCallKeepsItsOwnResult() {
        AiMessage asked = AiMessage.from(List.of(request("dup", "calculate"),
                ToolExecutionRequest.builder().id("dup").name("calculate").arguments("{\"expression\":\"2+2\"}").build()));

        AiMessage withIds = ToolRounds.withIds(asked);
        List<String> ids = withIds.toolExecutionRequests().stream().map(ToolExecutionRequest::id).toList();
        ToolRound round = ToolRounds.of(withIds, "", List.of(ToolExecutionResultMessage.from(ids.get(0), "calculate", "2"),
                ToolExecutionResultMessage.from(ids.get(1), "calculate", "4")));

        assertThat(ids.get(0)).isEqualTo("dup");
        assertThat(ids.get(1)).matches("call_[0-9a-f]{24}");
        assertThat(round.calls()).extracting(ToolCall::result).containsExactly("2", "4");
        assertThat(ToolRounds.withIds(withIds)).isSameAs(withIds);
    }

    @Test
    void aRoundPairsEachCallWithItsResultByIdWhateverTheOrder() {
        AiMessage asked = AiMessage.from(List.of(request("a", "calculate"), request("b", "current_time")));

        ToolRound round = ToolRounds.of(asked, " ", List.of(ToolExecutionResultMessage.from("b", "current_time", "12:00"),
                ToolExecutionResultMessage.from("a", "calculate", "2")));

        assertThat(round.text()).isEmpty();
        assertThat(round.calls()).containsExactly(new ToolCall("a", "calculate", "{\"expression\":\"1+1\"}", "2"),
                new ToolCall("b", "current_time", "{\"expression\":\"1+1\"}", "12:00"));
    }

    @Test
    void aHugeResultIsKeptShortenedWithHowMuchWasLeftOut() {
        AiMessage asked = AiMessage.from(List.of(request("a", "fetch")));
        String huge = "x".repeat(ToolRounds.MAX_KEPT_CHARS + 5_000);

        ToolRound round = ToolRounds.of(asked, "", List.of(ToolExecutionResultMessage.from("a", "fetch", huge)));

        assertThat(round.calls().getFirst().result()).startsWith("x".repeat(ToolRounds.MAX_KEPT_CHARS))
                .endsWith(" [5000 more characters not kept]");
    }
}
