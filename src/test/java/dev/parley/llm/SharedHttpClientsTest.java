package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedHttpClientsTest {

    @Test
    void clientsWithTheSameConnectTimeoutShareOneJdkClient() {
        assertThat(SharedHttpClients.withConnectTimeout(Duration.ofSeconds(7)))
                .isSameAs(SharedHttpClients.withConnectTimeout(Duration.ofSeconds(7)))
                .isNotSameAs(SharedHttpClients.withConnectTimeout(Duration.ofSeconds(8)));
        assertThat(SharedHttpClients.withConnectTimeout(null)).isSameAs(SharedHttpClients.withConnectTimeout(null));
    }

    @Test
    void buildingManyProviderClientsStartsAtMostOneSelectorThread() {
        long before = selectorThreads();
        List<Object> kept = new ArrayList<>(); // reachable, so no selector could end by garbage collection
        for (int i = 0; i < 5; i++) {
            kept.add(HeaderKeepingHttpClient.builder().connectTimeout(Duration.ofSeconds(13))
                    .readTimeout(Duration.ofSeconds(30)).build());
        }

        assertThat(kept).hasSize(5);
        assertThat(selectorThreads() - before).isLessThanOrEqualTo(1);
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("-SelectorManager")).count();
    }
}
