package dev.parley.llm.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Throwables;
import dev.parley.llm.LlmException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fetches a Hugging Face model repository's files (config.json, tokenizer files, safetensors) into
 * a cache folder, once. Each file is written to {@code NAME.part} and renamed when whole; a
 * {@code .complete} marker is written last, so a folder with the marker is always usable and an
 * interrupted download resumes (HTTP Range) from the bytes already on disk.
 */
public final class ModelDownloads {

    /** Reports bytes done of the bytes expected (-1 when the server does not say) for one file. */
    @FunctionalInterface
    public interface Progress {
        void update(String file, long bytesDone, long bytesTotal);

        Progress NONE = (file, done, total) -> {};
    }

    public static final String DEFAULT_BASE_URL = "https://huggingface.co";
    static final String COMPLETE_MARKER = ".complete";
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    /** What Jlama's loaders cannot do without. */
    private static final List<String> REQUIRED = List.of("config.json", "tokenizer.json");

    private final Path cacheDir;
    private final URI baseUrl;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ModelDownloads(Path cacheDir, String baseUrl) {
        this(cacheDir, baseUrl, null);
    }

    /** {@code token}: a Hugging Face access token for gated models, or null. */
    public ModelDownloads(Path cacheDir, String baseUrl, String token) {
        this.cacheDir = cacheDir;
        this.token = token;
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL) // the Hub redirects large files to its CDN
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public static boolean isRepoId(String model) {
        return model != null && REPO_ID.matcher(model.strip()).matches();
    }

    /** The folder a repository is cached in: {@code owner_name} under the cache folder. */
    public Path folderOf(String repoId) {
        return cacheDir.resolve(repoId.strip().replace('/', '_'));
    }

    public boolean isComplete(String repoId) {
        return Files.exists(folderOf(repoId).resolve(COMPLETE_MARKER));
    }

    /** The repository's local folder, downloading what is missing first. */
    public Path fetch(String repoId, Progress progress) {
        if (!isRepoId(repoId)) {
            throw new LlmException("'" + repoId + "' is not a Hugging Face model id like owner/name;"
                    + " set model in config.yaml to one (or to the folder of a downloaded model).");
        }
        Path folder = folderOf(repoId);
        if (isComplete(repoId)) {
            return folder;
        }
        try {
            Files.createDirectories(folder);
            for (String file : filesOf(repoId)) {
                if (!Files.exists(folder.resolve(file))) {
                    download(repoId, file, folder, progress);
                }
            }
            Files.writeString(folder.resolve(COMPLETE_MARKER), repoId + "\n");
            return folder;
        } catch (IOException e) {
            throw new LlmException("Could not download the model " + repoId + " from " + baseUrl + ": "
                    + reason(e) + ". Check the network and run again; finished files are kept.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("The download of the model " + repoId + " was interrupted.", e);
        }
    }

    /** The most telling message in the cause chain: the JDK's connect failures often have none at the top. */
    private static String reason(Throwable error) {
        for (Throwable cause : Throwables.causes(error)) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return "the host name does not resolve";
            }
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    /**
     * The files to fetch, as Jlama's own downloader picks them: config.json, every tokenizer file
     * (tokenizer_config.json carries the chat template), and the safetensors weights with their index,
     * leaving out "consolidated" checkpoints that duplicate them.
     */
    private List<String> filesOf(String repoId) throws IOException, InterruptedException {
        JsonNode info = json.readTree(getText(baseUrl.resolve("api/models/" + repoId)));
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode sibling : info.path("siblings")) {
            names.add(sibling.path("rfilename").asText());
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new IOException("the repository has no " + required + " (is it a Jlama-compatible model?)");
            }
        }
        List<String> files = new ArrayList<>(REQUIRED);
        names.stream()
                .filter(name -> !name.contains("/") && !files.contains(name))
                .filter(name -> name.contains("tokenizer")
                        || name.contains(".safetensors") && !name.contains("consolidated"))
                .forEach(files::add);
        if (files.stream().noneMatch(name -> name.endsWith(".safetensors"))) {
            throw new IOException("the repository has no .safetensors weights");
        }
        return files;
    }

    private String getText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " for " + uri
                    + (status == 401 || status == 403 ? " (a gated model: set api-key-env to a variable holding a Hugging Face token)" : ""));
        }
        return response.body();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token.strip());
    }

    private void download(String repoId, String file, Path folder, Progress progress)
            throws IOException, InterruptedException {
        Path target = folder.resolve(file);
        Path part = folder.resolve(file + ".part");
        long have = Files.exists(part) ? Files.size(part) : 0;
        URI uri = baseUrl.resolve(repoId + "/resolve/main/" + file);
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        boolean resumed = status == 206;
        if (status != 200 && !resumed) {
            response.body().close();
            throw new IOException("HTTP " + status + " for " + uri
                    + (status == 401 || status == 403 ? " (a gated model: set api-key-env to a variable holding a Hugging Face token)" : ""));
        }
        if (!resumed) {
            have = 0; // the server sent the whole file again
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long total = length < 0 ? -1 : have + length;
        long done = have;
        progress.update(file, done, total);
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                done += n;
                progress.update(file, done, total);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        if (total >= 0 && done != total) {
            throw new IOException(file + " ended after " + done + " of " + total + " bytes");
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
