package dev.parley.firstrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.llm.embedded.ModelDownloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The embedded model's offer: already downloaded, or how much the download weighs. The Hub's model
 * info ({@code api/models/ID?blobs=true}) lists each file's size; offline, the estimate stands.
 */
public final class DownloadSize {

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public DownloadSize(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** {@code cacheDir}: where embedded models are downloaded ({@code <dataDir>/models/llm}). */
    public ModelOffers.EmbeddedOffer offer(String model, Path cacheDir, String hubBaseUrl) {
        String hub = hubBaseUrl == null || hubBaseUrl.isBlank() ? ModelDownloads.DEFAULT_BASE_URL : hubBaseUrl;
        if (new ModelDownloads(cacheDir, hub).isComplete(model)) {
            return new ModelOffers.EmbeddedOffer(model, 0, true, true);
        }
        OptionalLong size = lookup(hub, model);
        return new ModelOffers.EmbeddedOffer(model, size.orElse(ModelOffers.EMBEDDED_ESTIMATED_BYTES),
                size.isPresent(), false);
    }

    /** The sum of the repository's file sizes, or empty when the Hub cannot be asked. */
    public OptionalLong lookup(String hubBaseUrl, String repoId) {
        String base = hubBaseUrl.endsWith("/") ? hubBaseUrl : hubBaseUrl + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/models/" + repoId + "?blobs=true"))
                .timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            long total = 0;
            for (JsonNode sibling : json.readTree(response.body()).path("siblings")) {
                total += sibling.path("size").asLong(0);
            }
            return total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
