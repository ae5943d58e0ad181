package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code api} section: the local control API ({@code parley serve}, or the window when enabled).
 *
 * @param enabled whether the desktop window serves the API too; {@code parley serve} always does
 * @param host the address to bind; anything but loopback exposes Parley to the network, so it is warned about
 * @param port the TCP port; 0 picks a free one
 * @param allowedOrigins browser origins (e.g. {@code http://localhost:3000}) allowed to call; empty = none
 */
public record ApiConfig(boolean enabled, String host, int port, List<String> allowedOrigins) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;

    public ApiConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    @JsonCreator
    static ApiConfig fromYaml(@JsonProperty("enabled") Boolean enabled, @JsonProperty("host") String host,
            @JsonProperty("port") Integer port, @JsonProperty("allowed-origins") List<String> allowedOrigins) {
        return new ApiConfig(enabled != null && enabled, host == null || host.isBlank() ? DEFAULT_HOST : host.strip(),
                port == null ? DEFAULT_PORT : port,
                ConfigEntries.list(allowedOrigins, "allowed-origins", "origins like [http://localhost:3000]"));
    }

    public static ApiConfig defaults() {
        return new ApiConfig(false, DEFAULT_HOST, DEFAULT_PORT, List.of());
    }

    /** A copy listening on {@code newPort} (the {@code --port} of {@code parley serve}). */
    public ApiConfig withPort(int newPort) {
        return new ApiConfig(enabled, host, newPort, allowedOrigins);
    }
}
