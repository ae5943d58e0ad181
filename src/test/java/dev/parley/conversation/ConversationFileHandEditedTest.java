package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversation files edited by hand, copied, or written by another version of Parley. */
class ConversationFileHandEditedTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path folder;

    private ConversationStore store() {
        return new ConversationStore(folder, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static String file(String format, String name, String turns) {
        return "{\"format\":" + format + ",\"name\":\"" + name + "\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"updated\":\"2026-01-01T00:00:00Z\",\"future-field\":\"kept by a newer Parley\",\"turns\":" + turns
                + "}";
    }

    private static final String TURNS = "[{\"role\":\"user\",\"text\":\"hi\",\"at\":\"2026-01-01T00:00:00Z\"}]";

    @Test
    void aFileOfANewerFormatIsRefusedSoASaveCannotDropWhatThisBuildDoesNotKnow() throws Exception {
        Path file = folder.resolve("later.json");
        String content = file("2", "later", TURNS);
        Files.writeString(file, content);

        assertThatThrownBy(() -> store().load("later")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("format 2").hasMessageContaining("newer Parley");
        assertThat(store().listing().unreadable()).containsExactly(file);
        assertThat(file).hasContent(content);
    }

    @Test
    void nullTurnsAreNamedAsSuchNotAsANullPointer() throws Exception {
        Files.writeString(folder.resolve("empty.json"), file("1", "empty", "null"));

        assertThatThrownBy(() -> store().load("empty")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("turns are null").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("Cannot invoke", "java.util"));
    }

    @Test
    void aCopiedFileIsListedByTheNameThatReachesItNotByTheNameItHolds() throws Exception {
        ConversationStore store = store();
        store.save("my kitchen", new Conversation("Be brief."));
        Files.copy(folder.resolve("my-kitchen.json"), folder.resolve("kitchen-old.json"));

        assertThat(store.list()).extracting(ConversationInfo::name)
                .containsExactlyInAnyOrder("my kitchen", "kitchen-old");
        store.delete("kitchen-old");
        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("my kitchen");
    }
}
