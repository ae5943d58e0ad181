package dev.parley.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded provider on a tiny random-weight Llama written by the test: loading and generation. */
class JlamaChatModelTest {

    @TempDir
    Path temp;

    private LanguageModels languageModels() {
        return new LanguageModels(new ApiKeys(variable -> null),
                new EmbeddedModels(temp.resolve("cache"), ModelDownloads.Progress.NONE));
    }

    private static ProviderConfig embedded(String model, String baseUrl, int maxTokens) {
        return new ProviderConfig(ProviderType.EMBEDDED, baseUrl, model, null, 0.0, maxTokens, 60);
    }

    @Test
    void repliesThroughTheLanguageModelPathWithStreamedTokens() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42, null);
        LanguageModel model = languageModels().create("local", embedded(folder.toString(), null, 10));
        List<String> deltas = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        LlmReply reply = model.reply(List.of(Message.system("Answer briefly."), Message.user("Hello there")), deltas::add);
        double firstSeconds = (System.nanoTime() - start) / 1e9;

        assertThat(model.describe()).isEqualTo("local (embedded, model " + folder + ", in-process)");
        assertThat(deltas).isNotEmpty();
        assertThat(reply.outputTokens()).isBetween(1, 10);
        assertThat(reply.inputTokens()).isPositive();
        assertThat(reply.text()).isEqualTo(String.join("", deltas).strip());
        assertThat(reply.firstTextNanos()).isPositive();

        start = System.nanoTime();
        LlmReply again = model.reply(List.of(Message.user("Hello there")), delta -> {});
        double secondSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(again.outputTokens()).isPositive();
        System.out.printf(Locale.ROOT, "tiny model via LanguageModel: first reply (load + %d tokens) %.2f s,"
                + " second reply (%d tokens) %.3f s%n", reply.outputTokens(), firstSeconds, again.outputTokens(), secondSeconds);
    }

    @Test
    @Tag("slow")
    void measuresLoadTimeAndTokensPerSecond() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42, null);
        JlamaChatModel model = new JlamaChatModel("tiny", () -> folder, 0.0, 64);
        long loadMs = model.load();

        Recorder warmUp = new Recorder();
        model.chat(request("Hello there"), warmUp);
        warmUp.done.get(60, TimeUnit.SECONDS);

        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        model.chat(request("Tell me about the weather in the north"), recorder);
        ChatResponse response = recorder.done.get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int tokens = response.tokenUsage().outputTokenCount();

        assertThat(tokens).isPositive();
        assertThat(recorder.partials).isNotEmpty();
        System.out.printf(Locale.ROOT, "tiny model (%d layers, hidden %d): load %d ms, %d prompt tokens,"
                + " %d tokens in %.3f s = %.0f tokens/s%n", TinyLlama.LAYERS, TinyLlama.HIDDEN, loadMs,
                response.tokenUsage().inputTokenCount(), tokens, seconds, tokens / seconds);
    }

    @Test
    void usesTheModelsChatTemplateWhenItHasOne() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42,
                "{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}\n{% endfor %}"
                        + "{% if add_generation_prompt %}<assistant>{% endif %}");
        JlamaChatModel model = new JlamaChatModel("tiny", () -> folder, 0.0, 8);

        String prompt = model.promptFor(List.of(SystemMessage.from("Be brief."), UserMessage.from("Hi")));

        assertThat(prompt).isEqualTo("<system>Be brief.\n<user>Hi\n<assistant>");
    }

    @Test
    void withoutATemplateWritesAPlainTranscript() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42, null);
        JlamaChatModel model = new JlamaChatModel("tiny", () -> folder, 0.0, 8);

        String prompt = model.promptFor(List.of(SystemMessage.from("Be brief."), UserMessage.from("Hi")));

        assertThat(prompt).isEqualTo("Be brief.\n\nUser: Hi\nAssistant:");
    }

    @Test
    void cancellingTheHandleStopsGeneration() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42, null);
        JlamaChatModel model = new JlamaChatModel("tiny", () -> folder, 0.0, 200);
        Recorder recorder = new Recorder() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                super.onPartialResponse(partial, context);
                context.streamingHandle().cancel();
            }
        };

        model.chat(request("Hello there"), recorder);
        Thread.sleep(1500);

        assertThat(recorder.partials).hasSize(1);
        assertThat(recorder.done).isNotDone();
    }

    @Test
    void aConversationLongerThanTheContextFailsThroughOnError() throws Exception {
        Path folder = TinyLlama.write(temp.resolve("tiny"), 42, null);
        LanguageModel model = languageModels().create("local", embedded(folder.toString(), null, 10));
        String tooLong = "word ".repeat(TinyLlama.CONTEXT);

        assertThatThrownBy(() -> model.reply(List.of(Message.user(tooLong)), delta -> {}))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("longer than the model's context of " + TinyLlama.CONTEXT + " tokens");
    }

    @Test
    void aModelThatIsNeitherAFolderNorAnIdSaysWhatToFix() {
        LanguageModel model = languageModels().create("local", embedded("no such model", null, 10));

        assertThatThrownBy(() -> model.reply(List.of(Message.user("Hi")), delta -> {}))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("neither a folder nor a Hugging Face id")
                .hasMessageContaining("config.yaml");
    }

    @Test
    void aFolderWithoutAModelSaysWhatToFix() {
        LanguageModel model = languageModels().create("local", embedded(temp.toString(), null, 10));

        assertThatThrownBy(() -> model.reply(List.of(Message.user("Hi")), delta -> {}))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("has no config.json");
    }

    private static ChatRequest request(String text) {
        return ChatRequest.builder().messages(List.of(UserMessage.from(text))).build();
    }

    static class Recorder implements StreamingChatResponseHandler {
        final List<String> partials = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            partials.add(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
