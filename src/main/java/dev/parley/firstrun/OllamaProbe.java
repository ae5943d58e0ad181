package dev.parley.firstrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.secrets.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a local Ollama: {@code GET /api/tags} with a short timeout, so a machine without one
 * answers "not running" at once instead of stalling the welcome.
 */
public final class OllamaProbe {

    public static final URI DEFAULT_URL = URI.create("http://localhost:11434");

    /**
     * Where the welcome looks: the {@code base-url} of the config's {@code ollama} provider, the entry
     * an Ollama offer is saved into (a user whose Ollama runs on another machine said so there), else
     * Ollama's own address.
     */
    public static URI urlIn(ParleyConfig config) {
        ProviderConfig ollama = config.llm().providers().get("ollama");
        if (ollama == null || ollama.type() != ProviderType.OLLAMA || ollama.baseUrl() == null
                || ollama.baseUrl().isBlank()) {
            return DEFAULT_URL;
        }
        try {
            return URI.create(ollama.baseUrl().strip());
        } catch (IllegalArgumentException e) { // the config's checks let no such URL through; the probe must not fail
            return DEFAULT_URL;
        }
    }

    /** Whether {@code url} names this computer by name or loopback address (asks no name server). */
    public static boolean isThisComputer(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().replaceAll("^\\[|\\]$", "");
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    /** What was found at {@code url}: whether Ollama answered, its models, or why not. */
    public record Status(URI url, boolean running, List<String> models, String problem) {

        /** In words, the address without any user and password written into it. */
        public String describe() {
            String at = Redaction.clean(url.toString());
            if (!running) {
                return "no Ollama at " + at + " (" + Redaction.clean(problem) + ")";
            }
            return models.isEmpty()
                    ? "Ollama runs at " + at + " but has no models yet: `ollama pull llama3.2`"
                    : "Ollama runs at " + at + " with " + String.join(", ", models);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public OllamaProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Status probe(URI url) {
        URI tags = URI.create(url.toString().replaceAll("/+$", "") + "/api/tags");
        HttpRequest request = HttpRequest.newBuilder(tags).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Status(url, false, List.of(), "HTTP " + response.statusCode() + " from /api/tags");
            }
            return new Status(url, true, modelNames(json.readTree(response.body())), null);
        } catch (HttpTimeoutException e) {
            return new Status(url, false, List.of(), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Status(url, false, List.of(),
                    e.getMessage() == null ? "connection refused" : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(url, false, List.of(), "interrupted");
        }
    }

    private static List<String> modelNames(JsonNode tags) throws IOException {
        if (!tags.has("models")) {
            throw new IOException("the server at this address is not Ollama (no model list)");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode model : tags.path("models")) {
            String name = model.path("name").asText(model.path("model").asText(""));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
