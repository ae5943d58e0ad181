package dev.parley.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.HealthCheck.KeyStatus;
import dev.parley.llm.HealthCheck.ModelStatus;
import dev.parley.llm.HttpProbe.Answered;
import dev.parley.llm.HttpProbe.Outcome;
import dev.parley.llm.HttpProbe.Unanswered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * Checks every configured provider with one cheap request each: its model list, which also shows
 * whether the endpoint answers and takes the key. Providers are checked in parallel, so a whole
 * report takes about one timeout however many endpoints are down, and never more than
 * {@link #reportLimit()}.
 */
public final class ProviderHealth {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The Anthropic API version the model list is requested with (the one LangChain4j sends). */
    private static final String ANTHROPIC_VERSION = "2023-06-01";

    /** What a whole report allows beyond one probe's timeout: looking up the key, starting the threads. */
    private static final Duration REPORT_MARGIN = Duration.ofSeconds(1);

    private final ApiKeys apiKeys;
    private final Duration timeout;
    private final HttpProbe http;
    private final HealthNews news;
    private final HealthRouting routing;

    public ProviderHealth(ApiKeys apiKeys, Duration timeout) {
        this(apiKeys, timeout, new HealthNews());
    }

    /** {@code news} hears each check's result (and announces the changes). */
    public ProviderHealth(ApiKeys apiKeys, Duration timeout, HealthNews news) {
        this(apiKeys, timeout, news, HealthRouting.NONE);
    }

    /** {@code routing} also hears each result, so failover follows the latest check. */
    public ProviderHealth(ApiKeys apiKeys, Duration timeout, HealthNews news, HealthRouting routing) {
        this.apiKeys = apiKeys;
        this.timeout = timeout;
        this.http = new HttpProbe(timeout);
        this.news = news;
        this.routing = routing;
    }

    /** One check per configured provider, in config order, {@code llm.active} marked active. */
    public List<HealthCheck> check(LlmConfig llm) {
        return check(llm.providers(), llm.active());
    }

    /**
     * One check per provider of {@code providers}, in their order, {@code active} marked active (the
     * API's list marks the provider answering now, which a switch may have changed since the config
     * was read). All run at once, and the report waits at most {@link #reportLimit()}: each probe is
     * bounded by the timeout, but what comes before it is not (a name server or keychain that does not
     * answer), and a report must not hang with it. A check still running then is reported unfinished and
     * left to end on its own; its result then reaches the health news as any check's does.
     */
    public List<HealthCheck> check(Map<String, ProviderConfig> providers, String active) {
        return atOnce(threads -> {
            Map<String, Future<HealthCheck>> checks = new LinkedHashMap<>();
            providers.forEach((name, provider) ->
                    checks.put(name, threads.submit(() -> check(name, provider, name.equals(active)))));
            long deadline = System.nanoTime() + reportLimit().toNanos();
            List<HealthCheck> results = new ArrayList<>();
            for (Map.Entry<String, Future<HealthCheck>> check : checks.entrySet()) {
                results.add(resultBy(deadline, check.getValue(), check.getKey(), providers.get(check.getKey()),
                        check.getKey().equals(active)));
            }
            return results;
        });
    }

    /** How long a whole report may take: one probe's timeout, and a second for what comes before it. */
    public Duration reportLimit() {
        return timeout.plus(REPORT_MARGIN);
    }

    private static String inWords(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private HealthCheck resultBy(long deadline, Future<HealthCheck> check, String name, ProviderConfig provider,
            boolean active) throws ExecutionException, InterruptedException {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException unfinished) {
            return new HealthCheck(name, provider.type(), provider.model(), endpointOf(provider), active, false,
                    KeyStatus.UNKNOWN, ModelStatus.UNKNOWN, List.of("the check did not finish within "
                            + inWords(reportLimit()) + " (a name lookup or the keychain did not answer): try"
                            + " again, and check llm.providers." + name + ".base-url and your network"));
        }
    }

    /**
     * Empty if some provider of {@code chain} (a provider and its fallbacks) can answer; else each one's
     * advice, in chain order. The links are checked at once and the first healthy one ends the wait:
     * one after another, each dead link cost a whole timeout before the next was asked (four silent
     * fallbacks held a switch for four timeouts). A check still running when the answer is known, or at
     * {@link #reportLimit()}, is left to end on its own and reaches the health news as any check does.
     */
    public Optional<String> problemOf(Map<String, ProviderConfig> chain) {
        return atOnce(threads -> {
            CompletionService<HealthCheck> done = new ExecutorCompletionService<>(threads);
            Map<String, HealthCheck> results = new LinkedHashMap<>();
            chain.forEach((name, provider) -> {
                results.put(name, null); // keeps the chain's order for the advice
                done.submit(() -> check(name, provider));
            });
            long deadline = System.nanoTime() + reportLimit().toNanos();
            for (int pending = chain.size(); pending > 0; pending--) {
                Future<HealthCheck> next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break; // the rest are reported unfinished below
                }
                HealthCheck health = next.get();
                if (health.healthy()) {
                    return Optional.empty();
                }
                results.put(health.name(), health);
            }
            List<String> advice = new ArrayList<>();
            results.forEach((name, health) -> advice.add((chain.size() > 1 ? name + ": " : "") + String.join("; ",
                    health != null ? health.advice() : List.of("the check did not finish within "
                            + inWords(reportLimit()) + ": check llm.providers." + name + ".base-url and your network"))));
            return Optional.of(String.join(". ", advice) + ".");
        });
    }

    /** What {@link #atOnce} runs: checks submitted to {@code threads}, their results awaited. */
    private interface Checks<T> {
        T await(ExecutorService threads) throws ExecutionException, InterruptedException;
    }

    /** Runs {@code checks} on threads of their own, which are not waited for once it returns. */
    private static <T> T atOnce(Checks<T> checks) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            return checks.await(threads);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a provider check failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("The provider checks were interrupted.", e);
        } finally {
            threads.shutdown(); // not close(): that would wait for a check past its deadline or no longer needed
        }
    }

    /**
     * Whether the provider could answer a request now: it needs no key, or its key is set. The
     * background checks skip one that could not: there is nothing to learn, and a private assistant
     * does not call a service the user has not set up (the shipped config lists five cloud APIs).
     */
    public boolean couldAnswer(ProviderConfig provider) {
        try {
            return keyStatus(provider, apiKeys.keyIfSet(provider)) != KeyStatus.MISSING;
        } catch (LlmException invalidKey) {
            return false; // it would be refused before any request
        }
    }

    /** Whether {@code key} (null: none set) is what {@code provider} needs. */
    private static KeyStatus keyStatus(ProviderConfig provider, String key) {
        return key != null ? KeyStatus.SET : ApiKeys.expectsKey(provider) ? KeyStatus.MISSING : KeyStatus.NOT_NEEDED;
    }

    /** Checks one provider, e.g. before switching to it. */
    public HealthCheck check(String name, ProviderConfig provider) {
        return check(name, provider, false);
    }

    /**
     * As {@link #check(String, ProviderConfig)}, except that a provider that needs a key and has none
     * is not contacted: it is reported as missing its key at once. For checks the user did not ask
     * for (the window's dots at start, the background poller's turns).
     */
    public HealthCheck checkIfSetUp(String name, ProviderConfig provider) {
        return check(name, provider, false, false);
    }

    HealthCheck check(String name, ProviderConfig provider, boolean active) {
        return check(name, provider, active, true);
    }

    private HealthCheck check(String name, ProviderConfig provider, boolean active, boolean contactWithoutKey) {
        HealthCheck check = probe(name, provider, active, contactWithoutKey);
        news.report(name, check.healthy(), String.join("; ", check.advice()));
        routing.record(name, check.healthy(), String.join("; ", check.advice()));
        return check;
    }

    private HealthCheck probe(String name, ProviderConfig provider, boolean active, boolean contactWithoutKey) {
        if (provider.type() == ProviderType.EMBEDDED) {
            // Nothing to reach: the model runs in-process and downloads itself on first use.
            return new HealthCheck(name, provider.type(), provider.model(), LanguageModels.IN_PROCESS, active, true,
                    KeyStatus.NOT_NEEDED, ModelStatus.UNKNOWN, List.of());
        }
        String endpoint = endpointOf(provider);
        List<String> advice = new ArrayList<>();
        String key = null;
        KeyStatus keyStatus;
        try {
            key = apiKeys.keyIfSet(provider);
            keyStatus = keyStatus(provider, key);
        } catch (LlmException invalidKey) {
            // A key no server would take is never sent, so there is nothing to ask the endpoint.
            keyStatus = KeyStatus.INVALID;
            advice.add(invalidKey.getMessage());
        }

        // null: not asked (no usable key, and the user did not ask for this check, or an invalid key);
        // nothing reachable to report
        Outcome outcome = keyStatus == KeyStatus.INVALID || !contactWithoutKey && keyStatus == KeyStatus.MISSING
                ? null
                : endpoint == null ? new Unanswered("no base-url") : listModels(provider.type(), endpoint, key);
        boolean reachable = outcome instanceof Answered;
        ModelStatus modelStatus = ModelStatus.UNKNOWN;
        if (outcome instanceof Unanswered(String reason)) {
            advice.add(provider.type() == ProviderType.OLLAMA
                    ? "start Ollama: ollama serve (not reachable: " + reason + ")"
                    : "check llm.providers." + name + ".base-url and your network (not reachable: " + reason + ")");
        } else if (outcome instanceof Answered answer) {
            if ((answer.status() == 401 || answer.status() == 403) && key != null) {
                keyStatus = KeyStatus.REJECTED;
            }
            modelStatus = modelStatus(provider, answer);
            wrongAddress(name, provider.type(), endpoint, answer).ifPresent(advice::add);
        }
        if (keyStatus == KeyStatus.MISSING) {
            advice.add(provider.apiKeyEnv() == null || provider.apiKeyEnv().isBlank()
                    ? "set llm.providers." + name + ".api-key-env to the environment variable that holds the key"
                    : "set " + provider.apiKeyEnv() + " (export " + provider.apiKeyEnv() + "=...)");
        } else if (keyStatus == KeyStatus.REJECTED) {
            advice.add("the key in " + provider.apiKeyEnv() + " was rejected: check it and set it again");
        }
        if (modelStatus == ModelStatus.MISSING) {
            advice.add(provider.type() == ProviderType.OLLAMA
                    ? "ollama pull " + provider.model()
                    : "set llm.providers." + name + ".model to a model the endpoint lists (it has no '"
                            + provider.model() + "')");
        }
        return new HealthCheck(name, provider.type(), provider.model(), endpoint, active, reachable, keyStatus,
                modelStatus, advice);
    }

    private static String endpointOf(ProviderConfig provider) {
        try {
            String endpoint = LanguageModels.endpointOf(provider);
            return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        } catch (LlmException noBaseUrl) {
            return null;
        }
    }

    /** Each API's model list: where it is, and the headers that carry the key. */
    private Outcome listModels(ProviderType type, String endpoint, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        return switch (type) {
            case OLLAMA -> http.get(endpoint + "/api/tags", headers);
            case EMBEDDED -> new Unanswered("in-process, no endpoint");
            case OPENAI, OPENAI_COMPATIBLE -> {
                if (key != null) {
                    headers.put("Authorization", "Bearer " + key);
                }
                yield http.get(endpoint + "/models", headers);
            }
            case ANTHROPIC -> {
                if (key != null) {
                    headers.put("x-api-key", key);
                }
                headers.put("anthropic-version", ANTHROPIC_VERSION);
                yield http.get(endpoint + "/models?limit=1000", headers);
            }
            case GEMINI -> {
                // The header instead of ?key=: the API takes both, and a URL ends up in logs.
                if (key != null) {
                    headers.put("x-goog-api-key", key);
                }
                yield http.get(endpoint + "/models?pageSize=1000", headers);
            }
        };
    }

    /**
     * Every Ollama has /api/tags, so anything but its model list means the URL points elsewhere. For
     * OpenAI-style APIs only a 404 at a URL without /v1 is that telling: some servers lack /models.
     */
    private static Optional<String> wrongAddress(String name, ProviderType type, String endpoint, Answered answer) {
        if (type == ProviderType.OLLAMA && !(answer.ok() && answer.json().path("models").isArray())) {
            return Optional.of("check llm.providers." + name + ".base-url: GET /api/tags answered HTTP "
                    + answer.status() + ", not Ollama's model list");
        }
        if ((type == ProviderType.OPENAI || type == ProviderType.OPENAI_COMPATIBLE) && answer.status() == 404
                && !endpoint.endsWith("/v1")) {
            return Optional.of("check llm.providers." + name + ".base-url: GET /models answered HTTP 404"
                    + " (OpenAI-compatible URLs usually end in /v1)");
        }
        return Optional.empty();
    }

    private static ModelStatus modelStatus(ProviderConfig provider, Answered answer) {
        JsonNode list = switch (provider.type()) {
            case OLLAMA, GEMINI -> answer.json().path("models");
            case OPENAI, OPENAI_COMPATIBLE, ANTHROPIC, EMBEDDED -> answer.json().path("data");
        };
        if (!answer.ok() || !list.isArray()) {
            return ModelStatus.UNKNOWN;
        }
        boolean offered = StreamSupport.stream(list.spliterator(), false)
                .map(entry -> entry.path(provider.type() == ProviderType.OLLAMA || provider.type() == ProviderType.GEMINI
                        ? "name" : "id").asText(""))
                .anyMatch(listed -> names(provider.type(), listed, provider.model()));
        return offered ? ModelStatus.AVAILABLE : ModelStatus.MISSING;
    }

    /** Whether a listed model is the configured one, allowing each API's way of spelling names. */
    static boolean names(ProviderType type, String listed, String configured) {
        if (listed.equals(configured)) {
            return true;
        }
        return switch (type) {
            // "llama3.2" is "llama3.2:latest".
            case OLLAMA -> !configured.contains(":") && listed.equals(configured + ":latest");
            // Gemini lists "models/gemini-2.5-flash".
            case GEMINI -> listed.equals("models/" + configured);
            // An alias such as "claude-haiku-4-5" is listed as its dated snapshot "claude-haiku-4-5-20251001".
            case ANTHROPIC -> listed.startsWith(configured + "-") && listed.substring(configured.length() + 1).matches("\\d{8}");
            case OPENAI, OPENAI_COMPATIBLE, EMBEDDED -> false;
        };
    }
}
