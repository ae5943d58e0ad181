package dev.parley.llm.embedded;

import dev.parley.config.ParleyPaths;
import dev.parley.llm.LlmException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where embedded models live: {@code model} in config.yaml is either the folder of a model on disk
 * or a Hugging Face id, downloaded once into the cache folder with progress shown.
 */
public final class EmbeddedModels {

    private final Path cacheDir;
    private final ModelDownloads.Progress progress;

    public EmbeddedModels(Path cacheDir, ModelDownloads.Progress progress) {
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    /**
     * The model's folder, downloaded from {@code baseUrl} (null: Hugging Face) when it is an id not yet
     * cached; {@code token} (may be null) authorizes gated models.
     */
    public Path folderFor(String model, String baseUrl, String token) {
        String name = model.strip();
        Path local = Path.of(ParleyPaths.expandHome(name));
        if (Files.isDirectory(local)) {
            return local;
        }
        if (!ModelDownloads.isRepoId(name)) {
            throw new LlmException("The embedded model '" + name + "' is neither a folder nor a Hugging Face id"
                    + " like tjake/Llama-3.2-1B-Instruct-JQ4; fix model in config.yaml.");
        }
        return new ModelDownloads(cacheDir, baseUrl, token).fetch(name, progress);
    }

    /** Progress as one line per file on {@code out}, redrawn at most every half second and at the end. */
    public static ModelDownloads.Progress printingTo(PrintStream out) {
        return new ModelDownloads.Progress() {
            private String file;
            private long lastPrint;

            @Override
            public synchronized void update(String name, long done, long total) {
                long now = System.nanoTime();
                boolean finished = total >= 0 && done >= total;
                if (name.equals(file) && !finished && now - lastPrint < 500_000_000L) {
                    return;
                }
                if (!name.equals(file) && file != null) {
                    out.println();
                }
                file = name;
                lastPrint = now;
                String amount = total > 0
                        ? String.format(Locale.ROOT, "%5.1f %% of %s", 100.0 * done / total, megabytes(total))
                        : megabytes(done);
                out.print("\rDownloading model file " + name + ": " + amount + (finished ? "\n" : ""));
                out.flush();
                if (finished) {
                    file = null;
                }
            }
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
