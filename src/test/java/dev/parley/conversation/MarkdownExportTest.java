package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExportTest {

    @Test
    void theHeadingIsOneLineWhateverTheSavedNameHolds() {
        String markdown = MarkdownExport.render("x\nparley: ERROR fake\u2028too", List.of(Turn.user("Hi", Instant.EPOCH)),
                false, image -> "");

        assertThat(markdown).startsWith("# x parley: ERROR fake too\n\n**You:** Hi\n");
    }
}
