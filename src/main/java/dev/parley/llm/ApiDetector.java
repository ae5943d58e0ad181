package dev.parley.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.llm.ApiDetection.Api;
import dev.parley.llm.HttpProbe.Answered;
import dev.parley.llm.HttpProbe.Outcome;
import dev.parley.llm.HttpProbe.Unanswered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Finds out which API an endpoint speaks: Ollama's /api/chat, Ollama's /api/generate, or OpenAI's
 * /v1, probed in that order. The answer's shape decides, not its status: a server that answers
 * every path with the same 404 page speaks nothing.
 *
 * <p>The Ollama routes are probed with an empty model name. Ollama answers that with a JSON error
 * ("model is required") without loading anything, while a server without the route answers with
 * its plain "404 page not found". A JSON error alone is also what some OpenAI-compatible servers
 * send for unknown paths, so it counts only when /api/tags answers with Ollama's model list.
 */
public final class ApiDetector {

    private final HttpProbe http;

    public ApiDetector(Duration timeout) {
        this.http = new HttpProbe(timeout);
    }

    /** The API at {@code url} (with or without a trailing /v1); fails saying why when none answers. */
    public ApiDetection detect(String url) {
        String given = trimSlashes(url.strip());
        if (!given.startsWith("http://") && !given.startsWith("https://")) {
            throw new LlmException("'" + url + "' is not an http:// or https:// URL.");
        }
        boolean hasV1 = given.endsWith("/v1");
        String root = hasV1 ? given.substring(0, given.length() - "/v1".length()) : given;
        List<String> seen = new ArrayList<>();

        Outcome tags = probe(seen, "GET /api/tags", http.get(root + "/api/tags", Map.of()));
        if (tags instanceof Unanswered(String reason)) {
            throw new LlmException("Nothing answers at " + given + " (" + reason
                    + "). Check the address and that the server is running.");
        }
        boolean ollamaTags = tags instanceof Answered answer && answer.ok() && answer.json().path("models").isArray();
        List<String> ollamaModels = ollamaTags ? names(((Answered) tags).json().path("models"), "name") : List.of();

        Outcome chat = probe(seen, "POST /api/chat",
                http.postJson(root + "/api/chat", "{\"model\":\"\",\"messages\":[],\"stream\":false}"));
        if (speaksOllama(chat, "message", ollamaTags)) {
            return new ApiDetection(Api.OLLAMA_CHAT, root, ollamaModels);
        }
        Outcome generate = probe(seen, "POST /api/generate",
                http.postJson(root + "/api/generate", "{\"model\":\"\",\"prompt\":\"\",\"stream\":false}"));
        if (speaksOllama(generate, "response", ollamaTags)) {
            return new ApiDetection(Api.OLLAMA_GENERATE, root, ollamaModels);
        }

        // Most servers put the OpenAI API under /v1; a few (Gemini's, some proxies) right at the URL given.
        List<String> openAiBases = hasV1 ? List.of(given) : List.of(given + "/v1", given);
        for (String base : openAiBases) {
            String prefix = base.substring(root.length());
            Outcome models = probe(seen, "GET " + prefix + "/models", http.get(base + "/models", Map.of()));
            if (models instanceof Answered answer && (isOpenAiList(answer) || isOpenAiError(answer))) {
                return new ApiDetection(Api.OPENAI, base, isOpenAiList(answer) ? names(answer.json().path("data"), "id") : List.of());
            }
            Outcome completion = probe(seen, "POST " + prefix + "/chat/completions",
                    http.postJson(base + "/chat/completions", "{\"model\":\"\",\"messages\":[],\"max_tokens\":1}"));
            if (completion instanceof Answered answer
                    && ((answer.ok() && answer.json().path("choices").isArray()) || isOpenAiError(answer))) {
                return new ApiDetection(Api.OPENAI, base, List.of());
            }
        }
        throw new LlmException(given + " speaks none of ollama-chat, ollama-generate, openai (" + String.join(", ", seen)
                + "). Check the URL: it should be the server's root or its /v1 address.");
    }

    private static Outcome probe(List<String> seen, String what, Outcome outcome) {
        String result = switch (outcome) {
            case Answered answer -> answer.status() + (answer.json().isMissingNode() ? " not JSON" : " JSON");
            case Unanswered(String reason) -> reason;
        };
        seen.add(what + " → " + result);
        return outcome;
    }

    /** Ollama's reply ({@code done} plus the route's reply field), or its JSON error where /api/tags vouches. */
    private static boolean speaksOllama(Outcome outcome, String replyField, boolean ollamaTags) {
        if (!(outcome instanceof Answered answer) || !answer.json().isObject()) {
            return false;
        }
        JsonNode json = answer.json();
        if (answer.ok() && json.has(replyField) && json.has("done")) {
            return true;
        }
        return ollamaTags && json.path("error").isTextual();
    }

    private static boolean isOpenAiList(Answered answer) {
        return answer.ok() && answer.json().path("data").isArray();
    }

    /** OpenAI's error object: {"error": {"message": ...}}, e.g. for a missing key or an unknown model. */
    private static boolean isOpenAiError(Answered answer) {
        return !answer.ok() && answer.json().path("error").path("message").isTextual();
    }

    private static List<String> names(JsonNode list, String field) {
        return StreamSupport.stream(list.spliterator(), false).map(entry -> entry.path(field).asText(""))
                .filter(name -> !name.isEmpty()).toList();
    }

    private static String trimSlashes(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
