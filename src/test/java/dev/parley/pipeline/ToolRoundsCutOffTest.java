package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Turn;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import dev.parley.llm.ToolRunner;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.ModelDownloads;
import dev.parley.text.SentenceChunker;
import dev.parley.tools.Calculator;
import dev.parley.tools.Tool;
import dev.parley.tools.ToolArguments;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tools.ToolParameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A turn that ends early keeps only the tool rounds whose calls all have results, over the real
 * OpenAI client: the history never holds a call without its result.
 */
class ToolRoundsCutOffTest {

    /** Runs until interrupted: a tool the user cuts off. */
    private static final Tool WAIT = new Tool() {
        @Override
        public String name() {
            return "wait";
        }

        @Override
        public String description() {
            return "Waits a long time.";
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of();
        }

        @Override
        public String execute(ToolArguments arguments) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "waited";
        }
    };

    private final List<TurnEvent> seen = new CopyOnWriteArrayList<>();

    private static TurnRunner runner(ScriptedLlmServer server) {
        var tools = new ToolRunner(List.of(new Calculator(), WAIT), new ToolsConfig(true, 5, 20, List.of()),
                ToolConfirmer.DENY);
        LanguageModel model = new LanguageModels(new ApiKeys(Map.<String, String>of()::get),
                new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), tools)
                .create("local", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, server.baseUrl(), "scripted",
                        null, null, null, 10));
        return new TurnRunner(model, null, new SentenceChunker.Settings(3, 200), Thread.ofVirtual().factory());
    }

    @Test
    void aModelFailingAfterItsToolsRanKeepsTheQuestionAndTheFinishedRound() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("calculate", "{\"expression\":\"21*2\"}"), Reply.error(400, "Bad request."));
                TurnRunner runner = runner(server)) {
            Conversation conversation = new Conversation("");

            assertThatThrownBy(() -> runner.run(conversation, "what is 21*2", new TurnClock(), seen::add, null))
                    .isInstanceOf(LlmException.class);

            assertThat(conversation.turns()).hasSize(2);
            Turn answer = conversation.turns().getLast();
            assertThat(answer.interrupted()).isTrue();
            assertThat(answer.toolCalls()).extracting(call -> call.name() + " → " + call.result())
                    .containsExactly("calculate → 42");
        }
    }

    @Test
    void anAnswerCutOffAfterItsToolsKeepsWhatWasSaidAndTheRound() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("calculate", "{\"expression\":\"21*2\"}"),
                Reply.of("21 times 2", " is 42,", " as you see.").cutAfter(2));
                TurnRunner runner = runner(server)) {
            Conversation conversation = new Conversation("");

            runner.run(conversation, "what is 21*2", new TurnClock(), seen::add, null);

            Turn answer = conversation.turns().getLast();
            assertThat(answer.text()).isEqualTo("21 times 2 is 42,");
            assertThat(answer.interrupted()).isTrue();
            assertThat(answer.toolCalls()).extracting(call -> call.result()).containsExactly("42");
        }
    }

    @Test
    void aBargeInWhileASecondRoundsToolRunsKeepsOnlyTheFirstRound() throws Exception {
        Conversation conversation = new Conversation("");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("calculate", "{\"expression\":\"21*2\"}"), Reply.toolCall("wait", "{}"),
                Reply.of("Done."));
                TurnRunner runner = runner(server)) {
            Thread turn = Thread.ofPlatform().start(() -> {
                try {
                    runner.run(conversation, "what is 21*2, slowly", new TurnClock(), seen::add, null);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            while (seen.stream().noneMatch(event -> event instanceof TurnEvent.ToolCallStarted call
                    && call.tool().equals("wait"))) {
                Thread.sleep(5);
            }
            turn.interrupt();
            turn.join(5000);
        }

        assertThat(thrown.get()).isInstanceOf(LlmException.class)
                .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.CANCELLED);
        assertThat(conversation.turns()).hasSize(2);
        assertThat(conversation.turns().getLast().toolCalls()).extracting(call -> call.name())
                .containsExactly("calculate");
    }

    @Test
    void aBargeInWhileTheFirstToolRunsTakesTheQuestionBackWithNoCallKept() throws Exception {
        Conversation conversation = new Conversation("");
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall("wait", "{}"), Reply.of("Done."));
                TurnRunner runner = runner(server)) {
            Thread turn = Thread.ofPlatform().start(() -> {
                try {
                    runner.run(conversation, "wait for me", new TurnClock(), seen::add, null);
                } catch (RuntimeException expected) {
                    // cancelled
                }
            });
            while (seen.stream().noneMatch(TurnEvent.ToolCallStarted.class::isInstance)) {
                Thread.sleep(5);
            }
            turn.interrupt();
            turn.join(5000);
        }

        assertThat(conversation.turns()).isEmpty();
    }
}
