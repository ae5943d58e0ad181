package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigChangesTest {

    @TempDir
    Path folder;

    @Test
    void everySubscriberHearsOfTheSaveEvenWhenOneFails() throws Exception {
        ParleyConfig saved = new ConfigLoader().load(TestConfigs.withProvider(folder, "ollama", "http://localhost:11434"));
        ConfigChanges changes = new ConfigChanges();
        List<String> heard = new ArrayList<>();
        changes.subscribe(config -> heard.add("voice"));
        changes.subscribe(config -> {
            throw new IllegalStateException("not ready");
        });
        Runnable stop = changes.subscribe(config -> heard.add("window " + config.llm().active()));

        changes.publish(saved);
        stop.run();
        changes.publish(saved);

        assertThat(heard).containsExactly("voice", "window " + saved.llm().active(), "voice");
    }
}
