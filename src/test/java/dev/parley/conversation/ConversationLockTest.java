package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder per conversation; the cross-process case (and a killed holder) is ConversationLockProcessTest. */
class ConversationLockTest {

    @TempDir
    Path folder;

    @Test
    void aHeldConversationIsRefusedUntilItIsLetGo() {
        ConversationStore store = new ConversationStore(folder);
        ConversationLock first = ConversationLock.take(store, "kitchen");

        assertThatThrownBy(() -> ConversationLock.take(store, "kitchen"))
                .isInstanceOf(ConversationStoreException.class).hasMessageContaining("open in another Parley");
        try (ConversationLock other = ConversationLock.take(store, "garden")) {
            assertThat(other).isNotNull(); // another conversation is free
        }

        first.close();
        try (ConversationLock again = ConversationLock.take(store, "kitchen")) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void anInvalidNameIsRefusedBeforeAnyFileIsMade() {
        ConversationStore store = new ConversationStore(folder.resolve("conversations"));

        assertThatThrownBy(() -> ConversationLock.take(store, "../escape"))
                .isInstanceOf(ConversationStoreException.class).hasMessageContaining("not a valid conversation name");
        assertThat(folder.resolve("conversations")).doesNotExist();
    }
}
