package dev.parley.storage;

import dev.parley.config.ConfigWriter;
import dev.parley.tools.Memory;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A Parley process for SharedDataFolderProcessTest: for each of COUNT rounds, remembers a fact, records
 * a usage line and adds a provider to config.yaml, all named after NAME, through Parley's own writers.
 * Arguments: DATA_FOLDER CONFIG_FILE NAME COUNT.
 */
public final class SharedFilesWriter {

    private SharedFilesWriter() {}

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path config = Path.of(args[1]);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        Memory memory = new Memory(data.resolve("memory.json"), Clock.systemUTC());
        UsageLedger usage = new UsageLedger(data.resolve("usage.jsonl"));
        for (int i = 0; i < count; i++) {
            memory.remember(name + " fact " + i);
            usage.append(new UsageRecord(Instant.now(), name, "model-" + i, null, 1, 2, 3, 4, 0.5));
            String provider = name + "-" + i;
            String model = "m" + i;
            new ConfigWriter().update(config, edits -> {
                edits.set(List.of("llm", "providers", provider, "type"), "ollama");
                edits.set(List.of("llm", "providers", provider, "model"), model);
            });
        }
        System.out.println("done");
    }
}
