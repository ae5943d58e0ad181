package dev.parley.firstrun;

import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The models the welcome offers, best first: a running Ollama, the embedded model, the cloud providers. */
public final class ModelOffers {

    /** The embedded model offered by default: small enough for a laptop CPU. */
    public static final String EMBEDDED_MODEL = "tjake/Llama-3.2-1B-Instruct-JQ4";
    /** Its download size when the Hugging Face Hub cannot be asked (offline); about 1 GB. */
    public static final long EMBEDDED_ESTIMATED_BYTES = 1_000_000_000L;

    /** One thing the user may pick; {@code provider} is the name it gets under {@code llm.providers}. */
    public sealed interface Offer {
        String provider();

        String describe();

        /** Can be used right now, without a download or a key to set. */
        boolean ready();

        /** The keys choosing it sets in its {@code llm.providers} entry; empty: the entry stays as it is. */
        default Map<String, Object> providerEntry() {
            return Map.of();
        }

        /** Keys added only when its entry is new, so a user's own value is not overwritten. */
        default Map<String, Object> newEntryDefaults() {
            return Map.of();
        }
    }

    /**
     * A model of the Ollama found at {@code at}: the config's {@code ollama} entry, or {@code setup
     * --ollama-url}. Choosing it saves that address with the model, so Parley asks the Ollama whose models
     * were offered, and a new entry is made an Ollama one.
     */
    public record OllamaOffer(String model, URI at) implements Offer {
        public String provider() {
            return "ollama";
        }

        public String describe() {
            String where = OllamaProbe.isThisComputer(at) ? "on this computer"
                    : "at " + at.getHost() + (at.getPort() < 0 ? "" : ":" + at.getPort());
            return "Ollama " + where + ", model " + model + " (private, no download)";
        }

        public boolean ready() {
            return true;
        }

        public Map<String, Object> providerEntry() {
            // As typed after --ollama-url: "http://host:11434/" would make the client ask for "//api/chat".
            return Map.of("model", model, "base-url", at.toString().replaceAll("/+$", ""));
        }

        public Map<String, Object> newEntryDefaults() {
            return Map.of("type", "ollama");
        }
    }

    /** The model that runs inside Parley; {@code downloadBytes} is exact when {@code sizeKnown}. */
    public record EmbeddedOffer(String model, long downloadBytes, boolean sizeKnown, boolean downloaded) implements Offer {
        public String provider() {
            return "embedded";
        }

        public String describe() {
            String size = downloaded ? "already downloaded"
                    : (sizeKnown ? "" : "about ") + humanSize(downloadBytes) + " download on first use";
            return "Built-in model " + model + " (private, runs on the CPU, " + size + ")";
        }

        public boolean ready() {
            return downloaded;
        }

        public Map<String, Object> providerEntry() {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", ProviderType.EMBEDDED.configName());
            entry.put("model", model);
            return entry;
        }

        /** Small models ramble on a laptop CPU; a cap keeps a spoken reply short. */
        public Map<String, Object> newEntryDefaults() {
            return Map.of("max-tokens", 256);
        }
    }

    /** A configured cloud provider; the key comes from {@code apiKeyEnv}, never from the config file. */
    public record CloudOffer(String provider, ProviderType type, String model, String apiKeyEnv, boolean keySet)
            implements Offer {
        public String describe() {
            return provider + " (" + model + ", cloud; key in $" + apiKeyEnv
                    + (keySet ? ", set" : ", not set yet") + ")";
        }

        public boolean ready() {
            return keySet;
        }
    }

    private ModelOffers() {}

    /**
     * @param ollama      what {@link OllamaProbe} found
     * @param embedded    the embedded model's offer (see {@link DownloadSize})
     * @param keys        finds a key by its variable name (to tell whether one is set), e.g.
     *                    {@code System::getenv} or {@code secrets.KeyLookup}
     */
    public static List<Offer> list(ParleyConfig config, OllamaProbe.Status ollama, EmbeddedOffer embedded,
            UnaryOperator<String> keys) {
        List<Offer> offers = new ArrayList<>();
        if (ollama.running()) {
            ollama.models().forEach(model -> offers.add(new OllamaOffer(model, ollama.url())));
        }
        offers.add(embedded);
        for (Map.Entry<String, ProviderConfig> entry : config.llm().providers().entrySet()) {
            ProviderConfig provider = entry.getValue();
            if (provider.apiKeyEnv() != null && provider.type() != ProviderType.EMBEDDED) {
                String key = keys.apply(provider.apiKeyEnv());
                offers.add(new CloudOffer(entry.getKey(), provider.type(), provider.model(), provider.apiKeyEnv(),
                        key != null && !key.isBlank()));
            }
        }
        return List.copyOf(offers);
    }

    static String humanSize(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return "%d MB".formatted(Math.max(1, Math.round(bytes / 1e6)));
    }
}
