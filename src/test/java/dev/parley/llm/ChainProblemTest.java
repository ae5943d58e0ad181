package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The check before a provider switch: its chain (the provider and its fallbacks) as a whole. */
class ChainProblemTest {

    private static final ApiKeys NO_KEYS = new ApiKeys(Map.<String, String>of()::get);

    private static ProviderConfig ollama(String baseUrl) {
        return new ProviderConfig(ProviderType.OLLAMA, baseUrl, "llama3.2", null, null, null, null);
    }

    /** Takes connections (the kernel's backlog does) and never answers, as a hung server. */
    private static String silentUrl(ServerSocket socket) {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // one by one: 2 minutes
    void aHealthyFallbackBehindSilentLinksPassesWithoutWaitingOutTheirTimeouts() throws Exception {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                FakeHttpServer healthy = FakeLlmApis.ollama("llama3.2:latest")) {
            Map<String, ProviderConfig> chain = new LinkedHashMap<>();
            chain.put("asked", ollama(silentUrl(first)));
            chain.put("spare", ollama(silentUrl(second)));
            chain.put("last", ollama(healthy.url()));

            Optional<String> problem = new ProviderHealth(NO_KEYS, Duration.ofSeconds(60)).problemOf(chain);

            assertThat(problem).isEmpty();
        }
    }

    @Test
    void aChainWithNoHealthyLinkGivesEachOnesAdviceInChainOrder() throws Exception {
        Map<String, ProviderConfig> chain = new LinkedHashMap<>();
        chain.put("asked", ollama(FakeHttpServer.closedPortUrl()));
        chain.put("spare", ollama(FakeHttpServer.closedPortUrl()));

        Optional<String> problem = new ProviderHealth(NO_KEYS, Duration.ofSeconds(2)).problemOf(chain);

        assertThat(problem).hasValueSatisfying(advice -> assertThat(advice)
                .matches("asked: start Ollama: ollama serve \\(not reachable: .*\\)\\. spare: start Ollama: ollama serve"
                        + " \\(not reachable: .*\\)\\."));
    }
}
