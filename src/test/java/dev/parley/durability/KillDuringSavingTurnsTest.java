package dev.parley.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ConfigLoader;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.storage.AtomicFiles;
import dev.parley.tools.Memory;
import dev.parley.usage.UsageLedger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of saving turns leaves every file readable by Parley's own
 * loaders, and the next Parley opens them and goes on: the conversation, the memory file, the usage
 * ledger and config.yaml. A Parley ({@link SavingTurns}) is started, killed at a random moment
 * 0-1.5 s after its first turn was saved (its turns take ~0.1-0.2 s each), checked, and started again, {@code parley.kills} times.
 * Nothing may be lost but the turn in progress: the conversation never shrinks.
 */
@Tag("slow") // a hundred child JVMs
class KillDuringSavingTurnsTest {

    /** 20 keeps {@code verify} short (a start costs seconds); {@code -Dparley.kills=100} is the full run. */
    private static final int KILLS = Integer.getInteger("parley.kills", 20);

    @TempDir
    Path folder;

    @Test
    void everyFileStaysReadableThroughRepeatedKills() throws Exception {
        Random random = new Random(Long.getLong("parley.seed", System.nanoTime()));
        Path data = folder.resolve("data");
        int turnsBefore = 0;
        int readyStarts = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Process parley = start();
            try {
                BufferedReader output = new BufferedReader(new InputStreamReader(parley.getInputStream(),
                        StandardCharsets.UTF_8));
                String ready = output.readLine();
                assertThat(ready).as("start %d opened what the killed one left", kill).startsWith("ready ");
                int opened = Integer.parseInt(ready.substring("ready ".length()));
                assertThat(opened).as("turns kept through kill %d", kill - 1).isGreaterThanOrEqualTo(turnsBefore);
                readyStarts++;
                assertThat(output.readLine()).isEqualTo("saving");
                Thread.sleep(random.nextInt(1500));
            } finally {
                parley.destroyForcibly(); // SIGKILL
                assertThat(parley.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }

            ConversationStore store = new ConversationStore(data.resolve("conversations"));
            if (store.exists(SavingTurns.CONVERSATION)) {
                Conversation kept = store.load(SavingTurns.CONVERSATION);
                assertThat(kept.turnCount()).isGreaterThanOrEqualTo(turnsBefore);
                turnsBefore = kept.turnCount();
            }
            List<String> facts = new Memory(data.resolve("memory.json"), Clock.systemUTC()).ranked("");
            new UsageLedger(data.resolve("usage.jsonl")).read();
            assertThat(new ConfigLoader().load(folder.resolve("config.yaml")).tts().volume()).isBetween(0.0, 1.0);
            if (facts.size() > 400) {
                forgetOldFacts(data.resolve("memory.json")); // the user tidying up; the memory holds 500 at most
            }
        }
        assertThat(readyStarts).isEqualTo(KILLS);
        assertThat(turnsBefore / 2).as("questions answered and saved in all").isGreaterThanOrEqualTo(KILLS);
        List<String> usageLines = Files.readAllLines(data.resolve("usage.jsonl"));
        int readable = new UsageLedger(data.resolve("usage.jsonl")).read().size();
        // Only a line torn by a kill may be unreadable, and each is ended before the next is written.
        assertThat(usageLines.size() - readable).isLessThanOrEqualTo(KILLS);
        // one metered reply per question; the conversation holds the question and the answer
        assertThat(readable).isGreaterThanOrEqualTo(turnsBefore / 2);
        System.out.printf("%d kills; %d questions and answers kept; %d usage lines, %d readable%n", KILLS, turnsBefore / 2,
                usageLines.size(), readable);
    }

    private Process start() throws Exception {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SavingTurns.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void forgetOldFacts(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Object> facts = new ArrayList<>(json.readValue(file.toFile(), List.class));
        AtomicFiles.write(file, json.writeValueAsBytes(facts.subList(facts.size() - 100, facts.size())));
    }
}
