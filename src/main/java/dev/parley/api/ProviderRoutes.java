package dev.parley.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.config.ConfigRules;
import dev.parley.config.ProviderConfig;
import dev.parley.llm.ApiDetection;
import dev.parley.llm.ApiDetector;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.LlmException;
import dev.parley.llm.ProviderHealth;
import dev.parley.llm.ReadyCheck;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.secrets.Redaction;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The providers of config.yaml: list with health, switch the active one (the window's switch, so the
 * conversation is kept and a provider failing its check is refused), and test one with a real
 * request. Key values never leave this class: only whether a key is set.
 */
final class ProviderRoutes {

    private final Components components;
    private final SwitchableLanguageModel model;

    ProviderRoutes(Components components, SwitchableLanguageModel model) {
        this.components = components;
        this.model = model;
    }

    void register(HttpRules rules) {
        rules.get("/providers", this::list);
        rules.put("/providers/active", this::switchActive);
        rules.post("/providers/detect", this::detect);
        rules.post("/providers/{name}/test", this::test);
    }

    /**
     * Every provider checked at once ({@link ProviderHealth#check(Map, String)}), and whether each can
     * see asked beside the checks, since for an Ollama that is a request too: one after another, three
     * silent endpoints took three timeouts.
     */
    private void list(ServerRequest request, ServerResponse response) {
        Map<String, ProviderConfig> providers = providers();
        Map<String, Future<Boolean>> sight = new LinkedHashMap<>();
        List<HealthCheck> checks;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            providers.forEach((name, provider) -> sight.put(name, threads.submit(() -> components.canSee(provider))));
            checks = components.providerHealth().check(providers, model.name());
        }
        ArrayNode rows = ApiJson.MAPPER.createArrayNode();
        for (HealthCheck health : checks) {
            ProviderConfig provider = providers.get(health.name());
            ObjectNode row = rows.addObject().put("name", health.name()).put("type", provider.type().configName())
                    .put("model", provider.model()).put("baseUrl", health.endpoint()).put("active", health.active())
                    .put("canSee", sees(sight.get(health.name())));
            ObjectNode state = row.putObject("health").put("healthy", health.healthy())
                    .put("reachable", health.reachable()).put("key", health.keyStatus().label())
                    .put("model", health.modelStatus().label());
            health.advice().forEach(state.putArray("advice")::add);
        }
        ApiJson.send(response, 200, rows);
    }

    /** A provider whose vision could not be judged (no address to ask) is shown as one that cannot see. */
    private static boolean sees(Future<Boolean> judged) {
        return judged.state() == Future.State.SUCCESS && judged.resultNow();
    }

    private void switchActive(ServerRequest request, ServerResponse response) {
        String name = ApiJson.text(ApiJson.body(request, List.of("name")), "name");
        known(name);
        try {
            components.switchProvider(model, name);
        } catch (LlmException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        ApiJson.send(response, 200, ApiJson.object().put("active", model.name()).put("description", model.describe()));
    }

    /**
     * Asks the provider for one word, as {@code parley test} does: {ok, reply, firstTokenMs, totalMs,
     * error}. At most {@link ReadyCheck#LIMIT}, and no longer than its caller stays ({@link CallerWatch}):
     * a provider that never answers held the caller for its timeout and each retry, over a minute, and
     * the request went on after the caller had gone.
     */
    private void test(ServerRequest request, ServerResponse response) throws InterruptedException {
        String name = request.path().pathParameters().get("name");
        known(name);
        if (request.content().hasEntity()) {
            request.content().consume(); // nothing is asked in it; read, so the watch can read behind it
        }
        ReadyCheck.Result result;
        try {
            ReadyCheck.Pending check = ReadyCheck.start(components.modelToTest(name));
            try (CallerWatch.Watch caller = CallerWatch.start(request, response, check::cancel)) {
                result = check.await(ReadyCheck.LIMIT);
            }
        } catch (LlmException e) {
            result = ReadyCheck.failed(name, name, e);
        }
        ObjectNode body = ApiJson.object().put("provider", name).put("ok", result.ok()).put("reply", result.reply())
                .put("firstTokenMs", result.firstTokenMs()).put("totalMs", result.totalMs()).put("error", result.error());
        ApiJson.send(response, 200, body);
    }

    /**
     * Which API answers at {@code baseUrl}, as {@code parley detect} finds out. Each probe is bounded by
     * the health check's timeout, so a silent address answers within a few of those.
     */
    private void detect(ServerRequest request, ServerResponse response) {
        String url = ApiJson.text(ApiJson.body(request, List.of("baseUrl")), "baseUrl").strip();
        // As config.yaml's base URLs are checked: "http://" or "http://[::1" is no address to ask (502 before).
        ConfigRules.httpUrl(url).ifPresent(problem -> {
            throw new ApiProblem(422, "Unprocessable content", problem + "; give the address of the server.");
        });
        ApiDetection detection;
        try {
            detection = new ApiDetector(ProviderHealth.DEFAULT_TIMEOUT).detect(url);
        } catch (LlmException e) {
            throw new ApiProblem(502, "Bad gateway", e.getMessage());
        }
        // Masked though the caller sent them: keys never appear in what the API answers.
        ObjectNode body = ApiJson.object().put("url", Redaction.clean(url)).put("api", detection.api().label())
                .put("type", detection.api().providerType().configName())
                .put("baseUrl", Redaction.clean(detection.baseUrl()));
        detection.models().forEach(body.putArray("models")::add);
        ApiJson.send(response, 200, body);
    }

    private void known(String name) {
        if (!providers().containsKey(name)) {
            throw ApiProblem.notFound("There is no provider '" + name + "'; configured: "
                    + String.join(", ", providers().keySet()) + ".");
        }
    }

    private Map<String, ProviderConfig> providers() {
        return components.config().llm().providers();
    }
}
