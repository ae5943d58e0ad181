package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line a validation message names: the key's own, else its nearest written parent's. */
class ConfigLocationsTest {

    private static ConfigLocations of(String yaml) {
        return new ConfigLocations("config.yaml", yaml);
    }

    @Test
    void namesTheLineOfAWrittenKeyInBlockAndFlowStyle() {
        ConfigLocations locations = of("""
                # a comment
                llm:
                  active: local
                  providers:
                    local:
                      type: ollama
                      model: llama3.2
                    cloud: {type: openai, model: gpt-4o-mini, temperature: 5}
                """);

        assertThat(locations.at("llm.active")).isEqualTo("config.yaml line 3: llm.active");
        assertThat(locations.at("llm.providers.local.model")).isEqualTo("config.yaml line 7: llm.providers.local.model");
        assertThat(locations.at("llm.providers.cloud.temperature"))
                .isEqualTo("config.yaml line 8: llm.providers.cloud.temperature");
    }

    @Test
    void aKeyLeftAtItsDefaultTakesTheLineOfItsNearestWrittenParentAndNoneWithoutOne() {
        ConfigLocations locations = of("llm:\n  providers:\n    local: {type: ollama, model: m}\n");

        assertThat(locations.at("llm.providers.local.budget.daily"))
                .isEqualTo("config.yaml line 3: llm.providers.local.budget.daily");
        assertThat(locations.at("tts.rate")).isEqualTo("config.yaml: tts.rate");
    }

    @Test
    void aliasesAreWalkedOnceAndTextThatIsNoYamlGivesNoLine() {
        StringBuilder yaml = new StringBuilder("a0: &a0 {x: 1, y: 1}\n");
        for (int i = 1; i <= 20; i++) { // 2^20 paths if every alias were walked again
            yaml.append("a").append(i).append(": &a").append(i).append(" {x: *a").append(i - 1)
                    .append(", y: *a").append(i - 1).append("}\n");
        }

        assertThat(of(yaml.toString()).lineOf("a20.x.x")).contains(21); // a20's own x; the node its alias shares was walked as a19
        assertThat(of("key: [unclosed").at("key")).isEqualTo("config.yaml: key");
    }
}
