package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A stream that ends cleanly but without the provider's end-of-reply event is a broken reply, not a whole one. */
class TruncatedStreamOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aStreamWithoutItsFinalEventIsReportedAsBrokenWithWhatArrived(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("The Nile is", " the longest").withoutFinish())) {
            LanguageModel model = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5));
            List<String> heard = new ArrayList<>();

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(List.of(Message.user("Longest river?")), heard::add));

            assertThat(failure).as("the reply was taken as complete").isNotNull();
            assertThat(failure.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(failure.partialText()).isEqualTo("The Nile is the longest");
            assertThat(failure.getMessage()).contains("ended without its end-of-reply mark");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aCompleteStreamIsNotSuspected(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("The Nile."))) {
            LanguageModel model = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5));

            assertThat(model.reply(List.of(Message.user("Longest river?")), delta -> {}).text()).isEqualTo("The Nile.");
        }
    }
}
