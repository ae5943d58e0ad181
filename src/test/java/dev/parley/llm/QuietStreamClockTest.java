package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.data.message.AiMessage;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.config.ReplyLimitsConfig;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The quiet-stream clock (the provider's timeout between pieces) runs while the client's chat() call
 * is still reading the stream: LangChain4j's HTTP clients sometimes deliver the whole stream inside it.
 */
class QuietStreamClockTest {

    @Test
    void aStreamThatWentQuietWhileChatStillRanIsBrokenAtOnce() {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        // "Hello" inside chat(), then chat() goes on reading for 1.2 s more, and the rest comes 0.6 s
        // after it returns: 1.8 s without a piece against a 1 s limit.
        StreamingChatModel client = new StreamingChatModel() {
            @Override
            public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
                handler.onPartialResponse(new PartialResponse("Hello"), new PartialResponseContext(new Handle()));
                sleep(1200);
                later.schedule(() -> {
                    handler.onPartialResponse(new PartialResponse(" there."), new PartialResponseContext(new Handle()));
                    handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Hello there.")).build());
                }, 600, TimeUnit.MILLISECONDS);
            }
        };
        LanguageModel model = new StreamingLanguageModel("local", ScriptedProviders.config(Protocol.OPENAI,
                "http://127.0.0.1:9", 1), "http://127.0.0.1:9", client, Duration.ofSeconds(1),
                ReplyLimitsConfig.DEFAULTS, ToolRunner.NONE, () -> false);
        List<String> spoken = new CopyOnWriteArrayList<>();
        try {
            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(List.of(Message.user("Hi")), spoken::add));

            assertThat(failure).as("the reply went on as if nothing stalled: %s", spoken).isNotNull();
            assertThat(failure.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(failure.partialText()).isEqualTo("Hello");
        } finally {
            later.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Handle implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
