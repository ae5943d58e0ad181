package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ApiConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.ui.main.ApiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's control API cannot start when its token file cannot be made (a full disk, a file where
 * the data folder should be): the banner says that and its fix, not that a port is taken.
 */
class DesktopApiStartFailureTest {

    @TempDir
    Path folder;

    @Test
    void aTokenFileThatCannotBeMadeIsReportedWithItsFixAndNoPortIsBlamed() throws Exception {
        Path fileInTheWay = Files.writeString(folder.resolve("data"), "not a folder");
        ParleyPaths paths = new ParleyPaths(folder, folder.resolve("config"), fileInTheWay, folder.resolve("logs"));
        CompletableFuture<ApiState> failed = new CompletableFuture<>();

        try (DesktopApi api = new DesktopApi(null, paths)) {
            api.watch(state -> {
                if (!state.error().isEmpty()) {
                    failed.complete(state);
                }
            });
            api.apply(new ApiConfig(true, ApiConfig.DEFAULT_HOST, 0, List.of()));

            ApiState state = failed.get(30, TimeUnit.SECONDS);
            assertThat(state.error()).contains("Cannot create the API token file")
                    .contains(fileInTheWay + " is a file, not a folder").doesNotContain("port");
        }
    }
}
