package dev.parley.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Checks that Jackson cannot express: references between keys and value ranges. */
final class ConfigValidator {

    private ConfigValidator() {}

    /** {@code yaml}: the text {@code config} was read from, for the line of a key a message names. */
    static void validate(ParleyConfig config, String yaml) {
        ConfigLocations file = new ConfigLocations(String.valueOf(config.source()), yaml);
        LlmConfig llm = config.llm();
        if (llm.providers() == null || llm.providers().isEmpty()) {
            throw new ConfigException(file.at("llm.providers") + " is empty; configure at least one provider.");
        }
        check(file, "llm.active", ConfigRules.active(llm.active(), llm.providers().keySet()));
        check(file, "llm.system-prompt", ConfigRules.systemPrompt(llm.systemPrompt()));
        check(file, "llm.user-name", ConfigRules.userName(llm.userName()));
        checkRange(file, "llm.memory.prompt-tokens", llm.memory().promptTokens(), 0, MemoryConfig.MAX_PROMPT_TOKENS);
        checkRange(file, "llm.images.max-count", llm.images().maxCount(), 1, ImagesConfig.MAX_MAX_COUNT);
        checkRange(file, "llm.images.max-side", llm.images().maxSide(), ImagesConfig.MIN_MAX_SIDE,
                ImagesConfig.MAX_MAX_SIDE);
        for (Map.Entry<String, ProviderConfig> entry : llm.providers().entrySet()) {
            validateProvider(file, "llm.providers." + entry.getKey(), entry.getValue());
            checkBudget(file, "llm.providers." + entry.getKey() + ".budget.daily", entry.getValue().budget().dailyLimit());
            checkBudget(file, "llm.providers." + entry.getKey() + ".budget.monthly",
                    entry.getValue().budget().monthlyLimit());
        }
        validateResilience(file, llm);
        checkRange(file, "llm.health.interval", llm.health().interval(), 0, 86_400);
        ChunkerConfig chunker = config.chunker();
        if (chunker.firstChunkMinWords() < 1 || chunker.firstChunkMinWords() > 50) {
            throw new ConfigException(file.at("chunker.first-chunk-min-words") + " must be between 1 and 50");
        }
        if (chunker.maxChunkChars() < 40 || chunker.maxChunkChars() > 2000) {
            throw new ConfigException(file.at("chunker.max-chunk-chars") + " must be between 40 and 2000");
        }
        int maxContextTokens = config.conversation().maxContextTokens();
        if (maxContextTokens < ConversationConfig.MIN_MAX_CONTEXT_TOKENS
                || maxContextTokens > ConversationConfig.MAX_MAX_CONTEXT_TOKENS) {
            throw new ConfigException(file.at("conversation.max-context-tokens") + " is " + maxContextTokens
                    + " but must be between " + ConversationConfig.MIN_MAX_CONTEXT_TOKENS + " and "
                    + ConversationConfig.MAX_MAX_CONTEXT_TOKENS + "; stay below your model's context size.");
        }
        validateAudio(file, config.audio());
        validateVoice(file, config.tts());
        check(file, "ui.theme", ConfigRules.theme(config.ui().theme()));
        check(file, "ui.push-to-talk-key", ConfigRules.pushToTalkKey(config.ui().pushToTalkKey()));
        check(file, "ui.global-push-to-talk-key", ConfigRules.globalPushToTalkKey(config.ui().globalPushToTalkKey()));
        validateApi(file, config.api());
        check(file, "voice.wake-word", VoiceConfig.wakeWordProblem(config.voice().wakeWord()));
        check(file, "logging.level", LoggingConfig.levelProblem(config.logging().level()));
        config.usage().prices().forEach((model, price) -> checkPrice(file, "usage.prices." + model, price));
        checkBudget(file, "usage.budget.daily", config.usage().budget().dailyLimit());
        checkBudget(file, "usage.budget.monthly", config.usage().budget().monthlyLimit());
    }

    private static void checkBudget(ConfigLocations file, String key, double limit) {
        if (limit < 0 || Double.isNaN(limit) || Double.isInfinite(limit)) {
            throw new ConfigException(file.at(key) + " is " + limit
                    + "; it must be an amount of 0 or more (0 or unset: no limit).");
        }
    }

    private static void checkPrice(ConfigLocations file, String key, UsageConfig.ModelPrice price) {
        if (price == null) {
            throw new ConfigException(file.at(key) + " is empty; give it input and output, in US dollars per"
                    + " million tokens, like {input: 0.15, output: 0.6}");
        }
        checkPriceAmount(file, key + ".input", price.input());
        checkPriceAmount(file, key + ".output", price.output());
    }

    private static void checkPriceAmount(ConfigLocations file, String key, double amount) {
        check(file, key, ConfigRules.nonFinite(amount));
        if (amount < 0) {
            throw new ConfigException(file.at(key) + " is " + amount
                    + " but a price is 0 or more, in US dollars per million tokens");
        }
    }

    private static void validateApi(ConfigLocations file, ApiConfig api) {
        if (api.port() < 0 || api.port() > 65535) {
            throw new ConfigException(file.at("api.port") + " is " + api.port() + " but must be between 0 and 65535"
                    + " (0 picks a free port)");
        }
        for (String origin : api.allowedOrigins()) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || uri.getHost() == null || !origin.equals(origin.strip())
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new ConfigException(file.at("api.allowed-origins") + " has " + ShownValues.quoted(origin) + " but an origin is a"
                        + " scheme, host and optional port, like http://localhost:3000");
            }
            check(file, "api.allowed-origins", ConfigRules.impossiblePort(origin)
                    .map(problem -> "has " + ShownValues.quoted(origin) + ", which " + problem));
        }
    }

    private static void validateVoice(ConfigLocations file, TtsConfig voice) {
        check(file, "tts.rate", ConfigRules.rate(voice.rate()));
        check(file, "tts.volume", ConfigRules.volume(voice.volume()));
    }

    /** Fails naming the file and key when a rule of {@link ConfigRules} found a problem. */
    private static void check(ConfigLocations file, String key, Optional<String> problem) {
        problem.ifPresent(text -> {
            throw new ConfigException(file.at(key) + " " + text);
        });
    }

    private static void validateAudio(ConfigLocations file, AudioConfig audio) {
        check(file, "audio.echo-cancellation", ConfigRules.echoCancellation(audio.echoCancellation()));
        if (audio.preRollMs() < 0 || audio.preRollMs() > AudioConfig.MAX_PRE_ROLL_MS) {
            throw new ConfigException(file.at("audio.pre-roll-ms") + " is " + audio.preRollMs()
                    + " but must be between 0 and " + AudioConfig.MAX_PRE_ROLL_MS);
        }
        if (audio.endOfSpeechSilenceMs() < AudioConfig.MIN_SILENCE_MS
                || audio.endOfSpeechSilenceMs() > AudioConfig.MAX_SILENCE_MS) {
            throw new ConfigException(file.at("audio.end-of-speech-silence-ms") + " is " + audio.endOfSpeechSilenceMs()
                    + " but must be between " + AudioConfig.MIN_SILENCE_MS + " and " + AudioConfig.MAX_SILENCE_MS);
        }
        if (audio.bargeInMinMs() < AudioConfig.MIN_BARGE_IN_MS || audio.bargeInMinMs() > AudioConfig.MAX_BARGE_IN_MS) {
            throw new ConfigException(file.at("audio.barge-in-min-ms") + " is " + audio.bargeInMinMs()
                    + " but must be between " + AudioConfig.MIN_BARGE_IN_MS + " and " + AudioConfig.MAX_BARGE_IN_MS);
        }
    }

    private static void validateResilience(ConfigLocations file, LlmConfig llm) {
        for (String name : llm.fallback()) {
            if (!llm.providers().containsKey(name)) {
                throw new ConfigException(file.at("llm.fallback") + " names " + ShownValues.quoted(name)
                        + " but llm.providers has no such entry; use one of "
                        + String.join(", ", llm.providers().keySet()));
            }
        }
        RetryConfig retry = llm.retry();
        checkRange(file, "llm.retry.max-attempts", retry.maxAttempts(), 1, 10);
        checkRange(file, "llm.retry.initial-delay-ms", retry.initialDelayMs(), 0, 60_000);
        checkRange(file, "llm.retry.max-delay-ms", retry.maxDelayMs(), 0, 300_000);
        if (retry.maxDelayMs() < retry.initialDelayMs()) {
            throw new ConfigException(file.at("llm.retry.max-delay-ms") + " (" + retry.maxDelayMs()
                    + ") must not be less than llm.retry.initial-delay-ms (" + retry.initialDelayMs() + ")");
        }
        checkRange(file, "llm.retry.max-retry-after-seconds", retry.maxRetryAfterSeconds(), 0, 600);
        checkRange(file, "llm.circuit-breaker.failures", llm.circuitBreaker().failures(), 1, 100);
        checkRange(file, "llm.circuit-breaker.cooldown-seconds", llm.circuitBreaker().cooldownSeconds(), 1, 3600);
        checkRange(file, "llm.max-concurrent-requests", llm.maxConcurrentRequests(), 1, 64);
        checkRange(file, "llm.cache.max-entries", llm.cache().maxEntries(), 1, 100_000);
        checkRange(file, "llm.cache.ttl-minutes", llm.cache().ttlMinutes(), 1, 10_080);
        checkRange(file, "llm.reply-limits.max-characters", llm.replyLimits().maxCharacters(),
                ReplyLimitsConfig.MIN_CHARACTERS, ReplyLimitsConfig.MAX_CHARACTERS);
        checkRange(file, "llm.reply-limits.max-seconds", llm.replyLimits().maxSeconds(),
                ReplyLimitsConfig.MIN_SECONDS, ReplyLimitsConfig.MAX_SECONDS);
        validateTools(file, llm.tools(), !llm.mcp().isEmpty());
        llm.mcp().forEach((name, server) -> validateMcpServer(file, "llm.mcp." + name, server));
    }

    private static void validateMcpServer(ConfigLocations file, String key, McpServerConfig server) {
        if (server == null) {
            throw new ConfigException(file.at(key) + " is empty; give it command: [program, args...] or url: ...");
        }
        boolean hasUrl = server.url() != null && !server.url().isBlank();
        if (server.command().isEmpty() == !hasUrl) {
            throw new ConfigException(file.at(key) + " needs exactly one of command (a local MCP server) "
                    + "or url (a streamable HTTP MCP server)");
        }
        if (hasUrl && !server.url().strip().matches("https?://.+")) {
            throw new ConfigException(file.at(key + ".url") + " must start with http:// or https://, not "
                    + ShownValues.quoted(server.url()));
        }
        if (hasUrl) {
            check(file, key + ".url", ConfigRules.impossiblePort(server.url())
                    .map(problem -> ShownValues.quoted(server.url()) + " " + problem));
        }
    }

    /** Names of MCP tools are only known once their servers answer, so with MCP servers any name is accepted. */
    private static void validateTools(ConfigLocations file, ToolsConfig tools, boolean mcpServers) {
        checkRange(file, "llm.tools.max-rounds", tools.maxRounds(), 1, 20);
        checkRange(file, "llm.tools.timeout-seconds", tools.timeoutSeconds(), 1, 600);
        if (!ToolsConfig.SCREEN_CHOICES.contains(tools.screen())) {
            throw new ConfigException(file.at("llm.tools.screen") + " is " + ShownValues.quoted(tools.screen())
                    + "; it must be ask, allow or deny.");
        }
        for (String name : tools.confirm()) {
            if (!ToolsConfig.BUILT_IN_TOOLS.contains(name) && !mcpServers) {
                throw new ConfigException(file.at("llm.tools.confirm") + " names " + ShownValues.quoted(name) + ", which is no tool; use "
                        + String.join(", ", ToolsConfig.BUILT_IN_TOOLS));
            }
        }
    }

    private static void checkRange(ConfigLocations file, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(file.at(key) + " is " + value + "; it must be between " + min
                    + " and " + max + ".");
        }
    }

    private static void validateProvider(ConfigLocations file, String key, ProviderConfig provider) {
        if (provider == null) {
            throw new ConfigException(file.at(key) + " is empty; it needs at least type and model.");
        }
        check(file, key + ".model", ConfigRules.model(provider.model()));
        check(file, key + ".base-url", ConfigRules.baseUrl(provider.type(), provider.baseUrl()));
        check(file, key + ".temperature", ConfigRules.temperature(provider.type(), provider.temperature()));
        check(file, key + ".top-p", ConfigRules.topP(provider.type(), provider.topP()));
        check(file, key + ".top-k", ConfigRules.topK(provider.type(), provider.topK()));
        check(file, key + ".seed", ConfigRules.seed(provider.type(), provider.seed()));
        check(file, key + ".stop", ConfigRules.stop(provider.type(), provider.stop()));
        check(file, key + ".max-tokens", ConfigRules.maxTokens(provider.maxTokens()));
        if (provider.timeoutSeconds() != null) {
            checkRange(file, key + ".timeout-seconds", provider.timeoutSeconds(), 1, 3600);
        }
    }
}
