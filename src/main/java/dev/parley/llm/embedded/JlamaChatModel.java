package dev.parley.llm.embedded;

import com.github.tjake.jlama.model.AbstractModel;
import com.github.tjake.jlama.model.ModelSupport;
import com.github.tjake.jlama.safetensors.DType;
import com.github.tjake.jlama.safetensors.prompt.PromptContext;
import com.github.tjake.jlama.safetensors.prompt.PromptSupport;
import com.github.tjake.jlama.tensor.AbstractTensor;
import com.github.tjake.jlama.tensor.KvBufferCache;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.parley.Throwables;
import dev.parley.llm.LlmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A model that runs inside Parley's JVM on Jlama, as a LangChain4j streaming chat model: no server,
 * no key. The model folder (config.json, tokenizer.json, safetensors) is resolved and loaded on the
 * first request, on the caller's thread, so a first-use download is paid once and reported by
 * whoever resolves the folder. Tokens are generated on a thread of their own, one request at a time;
 * cancelling the {@link StreamingHandle} stops generation before the next token.
 */
public final class JlamaChatModel implements StreamingChatModel {

    private static final Logger LOG = LogManager.getLogger(JlamaChatModel.class);
    private static final int DEFAULT_MAX_TOKENS = 512;

    private final String modelName;
    private final Supplier<Path> folder;
    private final float temperature;
    private final int maxTokens;
    private final Object generationLock = new Object();
    private AbstractModel model;

    /**
     * @param modelName   reported in responses
     * @param folder      gives the model folder, downloading it first if need be; called once
     * @param temperature null for the default (0.3); 0 is greedy
     * @param maxTokens   null for the default cap on generated tokens
     */
    public JlamaChatModel(String modelName, Supplier<Path> folder, Double temperature, Integer maxTokens) {
        this.modelName = modelName;
        this.folder = folder;
        this.temperature = temperature != null ? temperature.floatValue() : 0.3f;
        this.maxTokens = maxTokens != null && maxTokens > 0 ? maxTokens : DEFAULT_MAX_TOKENS;
    }

    /** Resolves and loads the model now rather than on the first request; returns the load time in ms. */
    public long load() {
        long start = System.nanoTime();
        loaded();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private synchronized AbstractModel loaded() {
        if (model == null) {
            if (!VectorApi.available()) {
                throw new LlmException(VectorApi.missingMessage());
            }
            Path dir = folder.get();
            if (!Files.isRegularFile(dir.resolve("config.json"))) {
                throw new LlmException("The model folder " + dir + " has no config.json; point model in"
                        + " config.yaml at a Hugging Face model id or a folder holding a downloaded model.");
            }
            long start = System.nanoTime();
            try {
                // F32 working memory; I8 quantized activations where the weights allow (Jlama falls back).
                model = ModelSupport.loadModel(dir.toFile(), DType.F32, DType.I8);
            } catch (RuntimeException e) {
                throw new LlmException("Could not load the model in " + dir + ": " + rootMessage(e), e);
            }
            LOG.info("Loaded {} from {} in {} ms", modelName, dir, (System.nanoTime() - start) / 1_000_000);
        }
        return model;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        AbstractModel m;
        String prompt;
        try {
            m = loaded();
            prompt = promptFor(m, request.messages());
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        float temp = request.temperature() != null ? request.temperature().floatValue() : temperature;
        int limit = request.maxOutputTokens() != null ? request.maxOutputTokens() : maxTokens;
        Generation generation = new Generation(m, prompt, temp, limit, handler);
        Thread.ofPlatform().name("parley-jlama").daemon().start(generation);
    }

    /** The prompt the model is given for {@code messages} (loads the model). */
    String promptFor(List<ChatMessage> messages) {
        return promptFor(loaded(), messages);
    }

    /** The model's own chat template when its tokenizer_config.json has one, else a plain transcript. */
    static String promptFor(AbstractModel m, List<ChatMessage> messages) {
        var support = m.promptSupport();
        if (support.isPresent()) {
            PromptSupport.Builder builder = support.get().builder();
            for (ChatMessage message : messages) {
                switch (message) {
                    case SystemMessage system -> builder.addSystemMessage(system.text());
                    case UserMessage user -> builder.addUserMessage(user.singleText());
                    case AiMessage ai -> builder.addAssistantMessage(ai.text());
                    default -> throw new LlmException("The embedded model takes only system, user and assistant"
                            + " messages, not " + message.type());
                }
            }
            return builder.build().getPrompt();
        }
        StringBuilder transcript = new StringBuilder();
        for (ChatMessage message : messages) {
            switch (message) {
                case SystemMessage system -> transcript.append(system.text()).append("\n\n");
                case UserMessage user -> transcript.append("User: ").append(user.singleText()).append('\n');
                case AiMessage ai -> transcript.append("Assistant: ").append(ai.text()).append('\n');
                default -> throw new LlmException("The embedded model takes only system, user and assistant"
                        + " messages, not " + message.type());
            }
        }
        return transcript.append("Assistant:").toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Throwables.rootCause(e);
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** One reply: prompt through the model in a batch, then one token at a time until a stop. */
    private final class Generation implements Runnable, StreamingHandle {

        private final AbstractModel m;
        private final String prompt;
        private final float temperature;
        private final int limit;
        private final StreamingChatResponseHandler handler;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Generation(AbstractModel m, String prompt, float temperature, int limit, StreamingChatResponseHandler handler) {
            this.m = m;
            this.prompt = prompt;
            this.temperature = temperature;
            this.limit = limit;
            this.handler = handler;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void run() {
            try {
                synchronized (generationLock) {
                    generate();
                }
            } catch (LlmException e) {
                handler.onError(e);
            } catch (Throwable e) {
                handler.onError(new LlmException("The embedded model failed: " + rootMessage(e), e));
            }
        }

        private void generate() {
            var config = m.getConfig();
            int[] promptTokens = m.encodePrompt(PromptContext.of(prompt));
            if (promptTokens.length >= config.contextLength) {
                throw new LlmException("The conversation (" + promptTokens.length + " tokens) is longer than the"
                        + " model's context of " + config.contextLength + " tokens; start a new one.");
            }
            PartialResponseContext context = new PartialResponseContext(this);
            StringBuilder text = new StringBuilder();
            int generated = 0;
            FinishReason finish = FinishReason.LENGTH;
            try (KvBufferCache cache = new KvBufferCache(m);
                    KvBufferCache.KvBuffer kv = cache.getEphemeralKvBuffer();
                    AbstractTensor<?, ?> logits = m.makeDenseTensor(config.vocabularySize)) {
                AbstractTensor<?, ?> last = m.batchForward(promptTokens, 0, kv);
                int next;
                try {
                    next = m.sample(last.slice(last.shape().first() - 1), temperature,
                            ThreadLocalRandom.current().nextFloat(), logits);
                } finally {
                    last.close();
                }
                for (int position = promptTokens.length; ; position++) {
                    if (cancelled.get()) {
                        return; // a cancelled stream gets no further events
                    }
                    if (config.eosTokens.contains(next)) {
                        finish = FinishReason.STOP;
                        break;
                    }
                    generated++;
                    if (!m.getTokenizer().getModel().isSpecialToken(next)) {
                        String piece = m.getTokenizer().decode(next);
                        if (!piece.isEmpty()) {
                            text.append(piece);
                            handler.onPartialResponse(new PartialResponse(piece), context);
                        }
                    }
                    if (generated >= limit || position + 1 >= config.contextLength) {
                        break;
                    }
                    try (AbstractTensor<?, ?> output = m.forward(next, position, kv, Optional.empty())) {
                        next = m.sample(output, temperature, ThreadLocalRandom.current().nextFloat(), logits);
                    }
                }
            }
            handler.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.from(text.toString()))
                    .modelName(modelName)
                    .tokenUsage(new TokenUsage(promptTokens.length, generated))
                    .finishReason(finish)
                    .build());
        }
    }
}
