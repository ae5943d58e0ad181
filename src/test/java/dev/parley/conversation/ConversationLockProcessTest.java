package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one data folder: the second is refused, and a killed holder leaves no stale lock. */
@Tag("slow") // a child JVM
class ConversationLockProcessTest {

    @TempDir
    Path folder;

    @Test
    void anotherProcessHoldingTheConversationKeepsThisOneOutUntilItDies() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldConversation.class.getName(), folder.toString(), "kitchen").redirectErrorStream(true).start();
        try {
            String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(said).isEqualTo("held");
            ConversationStore store = new ConversationStore(folder);

            assertThatThrownBy(() -> ConversationLock.take(store, "kitchen"))
                    .hasMessageContaining("'kitchen' is open in another Parley");

            holder.destroyForcibly(); // kill -9: no chance to let go by itself
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            try (ConversationLock mine = ConversationLock.take(store, "kitchen")) {
                assertThat(mine).isNotNull();
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
