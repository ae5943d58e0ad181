package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.image.ImagePreparer;
import dev.parley.testing.TestImages;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures attached to the next question in the window, without the window. */
class AttachmentsTest {

    @TempDir
    Path folder;

    private final Banners banners = new Banners();
    private final Attachments attachments = new Attachments(new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE), 2,
            Tasks.direct(), banners);

    @Test
    void sendingShowsTheModelTheAttachedPicturesAndClearsThem() throws Exception {
        ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
        MainViewModel main = new MainViewModel(assistant, Tasks.direct(), banners, attachments);
        attachments.attachFile(Files.write(folder.resolve("a.png"), TestImages.png(30, 20)));
        attachments.attachPixels(2, 1, () -> new int[] {0xFFFF0000, 0xFF00FF00}, "the pasted image");

        main.inputProperty().set("Which is which?");
        main.send();

        assertThat(assistant.calls).containsExactly("ask:Which is which?");
        assertThat(assistant.shownImages.getFirst()).hasSize(2);
        assertThat(attachments.images()).isEmpty();
    }

    @Test
    void moreThanTheMaxCountIsAWarningAndNotAttached() throws Exception {
        attachments.attachFile(Files.write(folder.resolve("a.png"), TestImages.png(10, 10)));
        attachments.attachFile(Files.write(folder.resolve("b.png"), TestImages.png(11, 10)));
        attachments.attachFile(Files.write(folder.resolve("c.png"), TestImages.png(12, 10)));

        assertThat(attachments.images()).hasSize(2);
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("A question may show at most 2 images (llm.images.max-count); remove one first.");
    }

    @Test
    void aFileThatIsNotAPictureIsABannerSayingWhy() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.png"), "text");

        attachments.attachFile(notes);

        assertThat(attachments.images()).isEmpty();
        assertThat(banners.shown()).extracting(Banner::message).singleElement().asString()
                .contains("is not an image Parley can send");
    }

    @Test
    void aPastedPictureTooLargeIsABannerAndItsPixelsAreNeverRead() {
        AtomicBoolean read = new AtomicBoolean();

        attachments.attachPixels(70_000, 70_000, () -> {
            read.set(true);
            return new int[0];
        }, "the pasted image");

        assertThat(read).isFalse();
        assertThat(attachments.images()).isEmpty();
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("the pasted image is 70000 × 70000 pixels; images may have at most 50 megapixels.");
    }
}
