package dev.parley.llm;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * One JDK {@link HttpClient} per connect timeout for every provider client Parley builds. Each JDK
 * client owns a selector thread (and, by default, a pool of worker threads) that lives until the
 * client is garbage collected, so a client per chat model left one idle thread or more behind for
 * every model built (the warm-up's, each provider's, each failover's). Shared clients keep one
 * selector per timeout; their work runs on virtual threads, so no platform worker idles between
 * turns. A JDK client is safe to share: requests carry their own timeouts and headers.
 */
final class SharedHttpClients {

    private static final Map<Optional<Duration>, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedHttpClients() {}

    /** The shared client that connects within {@code connectTimeout} (no limit when null). */
    static HttpClient withConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(Optional.ofNullable(connectTimeout), timeout -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-http-", 0).factory()));
            timeout.ifPresent(builder::connectTimeout);
            return builder.build();
        });
    }
}
