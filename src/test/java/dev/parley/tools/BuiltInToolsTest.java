package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ToolsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInToolsTest {

    @TempDir
    Path folder;

    @Test
    void theConfigKnowsExactlyTheBuiltInToolNames() {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            List<Tool> tools = BuiltInTools.create(Clock.systemUTC(), new Memory(folder.resolve("m.json"),
                    Clock.systemUTC()), timers);

            assertThat(tools).extracting(Tool::name).containsExactlyElementsOf(ToolsConfig.BUILT_IN_TOOLS);
            assertThat(tools).allSatisfy(tool -> assertThat(tool.description()).hasSizeGreaterThan(20));
        }
    }
}
