package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one data folder: the second is refused, a conversation open in one is not
 * deleted or renamed by the other, and a killed holder leaves no stale lock.
 */
@Tag("slow") // a child JVM
class ConversationLockProcessTest {

    @TempDir
    Path folder;

    @Test
    void anotherProcessHoldingTheConversationKeepsThisOneOutUntilItDies() throws Exception {
        Process holder = holding("kitchen");
        try {
            ConversationStore store = new ConversationStore(folder);

            assertThatThrownBy(() -> ConversationLock.take(store, "kitchen"))
                    .hasMessageContaining("'kitchen' is open in another Parley");

            kill(holder); // kill -9: no chance to let go by itself
            try (ConversationLock mine = ConversationLock.take(store, "kitchen")) {
                assertThat(mine).isNotNull();
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aConversationOpenInAnotherProcessIsNeitherDeletedNorRenamedUnderIt() throws Exception {
        ConversationStore store = new ConversationStore(folder);
        store.save("kitchen", new Conversation("x"));
        store.save("garden", new Conversation("x"));
        Process holder = holding("kitchen");
        try {
            assertThatThrownBy(() -> store.delete("kitchen")).isInstanceOf(ConversationInUseException.class)
                    .hasMessageContaining("'kitchen' is open in another Parley");
            assertThatThrownBy(() -> store.rename("kitchen", "pantry")).isInstanceOf(ConversationInUseException.class);
            assertThatThrownBy(() -> store.rename("garden", "kitchen")).isInstanceOf(ConversationInUseException.class);
            assertThat(store.list()).extracting(ConversationInfo::name).containsExactlyInAnyOrder("kitchen", "garden");

            kill(holder);
            store.rename("kitchen", "pantry");
            store.delete("garden");
            assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("pantry");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondTakeInThisProcessIsRefusedWithoutLettingTheFirstGo() throws Exception {
        ConversationStore store = new ConversationStore(folder);
        store.save("kitchen", new Conversation("x"));
        try (ConversationLock mine = ConversationLock.take(store, "kitchen")) {
            assertThatThrownBy(() -> ConversationLock.take(store, "kitchen"))
                    .isInstanceOf(ConversationInUseException.class);
            store.rename("kitchen", "kitchen"); // this process's own hold allows its own changes

            assertThat(tryInAnotherProcess("kitchen")).isEqualTo("refused");
        }
        assertThat(tryInAnotherProcess("kitchen")).isEqualTo("held");
    }

    private static void kill(Process holder) throws InterruptedException {
        holder.destroyForcibly();
        assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private Process holding(String name) throws Exception {
        Process holder = child(name).start();
        String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(said).isEqualTo("held");
        return holder;
    }

    private String tryInAnotherProcess(String name) throws Exception {
        Process other = child(name, "try").start();
        other.getOutputStream().close();
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private ProcessBuilder child(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldConversation.class.getName(), folder.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
