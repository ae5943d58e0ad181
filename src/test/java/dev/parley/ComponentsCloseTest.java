package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyPaths;
import dev.parley.llm.ApiKeys;
import dev.parley.testing.TestConfigs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing (the window's close, the end of a command) while a turn is still starting the MCP servers. */
class ComponentsCloseTest {

    @TempDir
    Path folder;

    @Test
    void closingDoesNotWaitForTheMcpServersATurnIsStarting() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/mcp", exchange -> { }); // never answers: the start takes the whole timeout
        silent.start();
        Path config = TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, model: scripted}
                  tools: {timeout-seconds: 5}
                  mcp:
                    silent: {url: "http://127.0.0.1:%d/mcp"}
                """.formatted(silent.getAddress().getPort()));
        ParleyPaths paths = new ParleyPaths(folder, folder, folder.resolve("data"), folder.resolve("logs"));
        Files.createDirectories(paths.dataDir());
        Components components = new Components(paths, new ConfigLoader().load(config, paths),
                new ApiKeys(Map.<String, String>of()::get));
        try {
            var turn = CompletableFuture.runAsync(() -> components.languageModel(Components.LlmChoice.CONFIGURED),
                    runnable -> Thread.ofVirtual().start(runnable));
            Thread.sleep(500); // the turn's model is being made: the MCP servers start, for 5 s

            long start = System.nanoTime();
            components.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(turn).succeedsWithin(Duration.ofSeconds(15));
        } finally {
            silent.stop(0);
        }
    }
}
