package dev.parley.llm;

import dev.parley.config.ProviderType;
import dev.parley.secrets.Redaction;
import java.util.List;

/**
 * How one configured provider is doing: whether its endpoint answers, whether its key is there,
 * whether it offers the configured model, and for each problem one sentence that says what to do.
 *
 * @param endpoint the base URL probed (the configured one, or the provider's usual address)
 * @param reachable whether the endpoint answered HTTP at all within the timeout
 */
public record HealthCheck(String name, ProviderType type, String model, String endpoint, boolean active,
        boolean reachable, KeyStatus keyStatus, ModelStatus modelStatus, List<String> advice) {

    public enum KeyStatus {
        SET("set"), MISSING("missing"), REJECTED("rejected"), NOT_NEEDED("not needed"),
        /** Set, but with a character no key has (a space, a line break from a paste): never sent. */
        INVALID("invalid"),
        /** Not known: the check did not finish in time. */
        UNKNOWN("unknown");

        private final String label;

        KeyStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ModelStatus {
        AVAILABLE("available"), MISSING("missing"),
        /** The endpoint did not say: unreachable, no key, no model list, or the check did not finish. */
        UNKNOWN("unknown");

        private final String label;

        ModelStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Shown in the window, the CLI and the API: credentials in the URL and echoed keys are masked. */
    public HealthCheck {
        endpoint = Redaction.clean(endpoint);
        advice = advice.stream().map(Redaction::clean).toList();
    }

    public boolean healthy() {
        return advice.isEmpty();
    }
}
