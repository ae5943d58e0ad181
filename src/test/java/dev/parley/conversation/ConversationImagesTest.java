package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.image.ImagePreparer;
import dev.parley.image.ImageType;
import dev.parley.image.TurnImage;
import dev.parley.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures of a saved conversation: beside it, named from the turns, moved and removed with it. */
class ConversationImagesTest {

    @TempDir
    Path folder;

    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);
    private final TurnImage dot = preparer.prepare(TestImages.png(16, 16), "dot.png");
    private final TurnImage photo = preparer.prepare(TestImages.jpeg(40, 30), "photo.jpg");

    private Conversation withPictures() {
        Conversation conversation = new Conversation("Be brief.");
        conversation.addUser("What are these?", List.of(dot, photo));
        conversation.addAssistant("A dot and a circle.");
        conversation.addUser("Thanks");
        conversation.addAssistant("You're welcome.");
        return conversation;
    }

    @Test
    void picturesAreSavedBesideTheConversationAndComeBackWithIt() throws Exception {
        ConversationStore store = new ConversationStore(folder);

        store.save("my chat", withPictures());

        Path pictures = folder.resolve("my-chat.images");
        assertThat(pictures.resolve(dot.fileName())).hasBinaryContent(dot.bytes());
        assertThat(pictures.resolve(photo.fileName())).hasBinaryContent(photo.bytes());
        String json = Files.readString(folder.resolve("my-chat.json"));
        assertThat(json).contains("\"images\" : [ \"" + dot.fileName() + "\", \"" + photo.fileName() + "\" ]");
        Conversation loaded = store.load("my chat");
        assertThat(loaded.turns().getFirst().images()).containsExactly(dot, photo);
        assertThat(loaded.messages().get(1).images()).containsExactly(dot, photo);
        assertThat(loaded.turns().get(2).images()).isEmpty();
        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("my chat");
    }

    @Test
    void theMarkdownExportLinksThePictures() {
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", withPictures());

        String markdown = store.exportMarkdown("my chat", false);

        assertThat(markdown).contains("**You:** What are these?\n\n![image 1]("
                + folder.resolve("my-chat.images").resolve(dot.fileName()).toUri() + ")\n\n![image 2]("
                + folder.resolve("my-chat.images").resolve(photo.fileName()).toUri() + ")\n");
    }

    @Test
    void theMarkdownLinksHoldNamesWithBrackets() {
        ConversationStore store = new ConversationStore(folder);
        store.save("Plan (draft", withPictures());

        String markdown = store.exportMarkdown("Plan (draft", false);

        assertThat(markdown).contains("![image 1](" + folder.toUri() + "Plan-%28draft.images/" + dot.fileName() + ")\n");
    }

    @Test
    void renamingMovesThePictures() {
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", withPictures());

        store.rename("my chat", "holiday");

        assertThat(folder.resolve("my-chat.images")).doesNotExist();
        assertThat(folder.resolve("holiday.images").resolve(dot.fileName())).exists();
        assertThat(store.load("holiday").turns().getFirst().images()).containsExactly(dot, photo);
    }

    @Test
    void aRenameWhosePicturesCannotMoveLeavesTheConversationUnderItsOldNameOnly() throws Exception {
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", withPictures());
        Files.writeString(folder.resolve("holiday.images"), "a file where the pictures' folder goes");

        assertThatThrownBy(() -> store.rename("my chat", "holiday")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("Cannot rename");

        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("my chat");
        assertThat(folder.resolve("holiday.json")).doesNotExist();
        assertThat(store.load("my chat").turns().getFirst().images()).containsExactly(dot, photo);
    }

    @Test
    void deletingRemovesThePictures() {
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", withPictures());

        store.delete("my chat");

        assertThat(folder.resolve("my-chat.images")).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void picturesNoTurnShowsAnyMoreAreRemovedAtTheNextSave() {
        ConversationStore store = new ConversationStore(folder);
        Conversation conversation = withPictures();
        store.save("my chat", conversation);

        conversation.clear();
        conversation.addUser("Only this one", List.of(photo));
        store.save("my chat", conversation);

        assertThat(folder.resolve("my-chat.images").resolve(dot.fileName())).doesNotExist();
        assertThat(folder.resolve("my-chat.images").resolve(photo.fileName())).exists();
    }

    @Test
    void aFileSavedBeforeImagesExistedLoadsAsItDid() throws Exception {
        Files.writeString(folder.resolve("old.json"), """
                {
                  "format" : 1,
                  "name" : "old",
                  "created" : "2026-11-01T10:00:00Z",
                  "updated" : "2026-11-01T10:01:00Z",
                  "turns" : [ {
                    "role" : "user",
                    "text" : "Hello",
                    "at" : "2026-11-01T10:00:00Z"
                  }, {
                    "role" : "assistant",
                    "text" : "Hi.",
                    "at" : "2026-11-01T10:00:01Z"
                  } ]
                }
                """, StandardCharsets.UTF_8);

        Conversation old = new ConversationStore(folder).load("old");

        assertThat(old.turns()).extracting(Turn::text).containsExactly("Hello", "Hi.");
        assertThat(old.turns()).allSatisfy(turn -> assertThat(turn.images()).isEmpty());
    }

    @Test
    void aMissingPictureLeavesItsTurnWithoutIt() throws Exception {
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", withPictures());
        Files.delete(folder.resolve("my-chat.images").resolve(dot.fileName()));

        assertThat(store.load("my chat").turns().getFirst().images()).containsExactly(photo);
    }

    @Test
    void aPictureReplacedByALinkAPipeAHugeOrAChangedFileIsLeftOutWithoutReadingIt() throws Exception {
        TurnImage third = preparer.prepare(TestImages.png(20, 20), "third.png");
        TurnImage fourth = preparer.prepare(TestImages.png(24, 24), "fourth.png");
        TurnImage kept = preparer.prepare(TestImages.png(30, 30), "kept.png");
        Conversation conversation = new Conversation("");
        conversation.addUser("What are these?", List.of(dot, photo, third, fourth, kept));
        ConversationStore store = new ConversationStore(folder);
        store.save("my chat", conversation);
        Path pictures = folder.resolve("my-chat.images");
        Files.delete(pictures.resolve(dot.fileName()));
        // Read whole, this link filled the memory; a pipe waited for a writer forever.
        Files.createSymbolicLink(pictures.resolve(dot.fileName()), Path.of("/dev/zero"));
        Files.delete(pictures.resolve(photo.fileName()));
        new ProcessBuilder("mkfifo", pictures.resolve(photo.fileName()).toString()).start().waitFor();
        try (var huge = java.nio.channels.FileChannel.open(pictures.resolve(third.fileName()),
                java.nio.file.StandardOpenOption.WRITE)) {
            huge.write(java.nio.ByteBuffer.wrap(new byte[1]), 3L * Integer.MAX_VALUE); // sparse: 6 GB
        }
        byte[] cut = Files.readAllBytes(pictures.resolve(fourth.fileName()));
        Files.write(pictures.resolve(fourth.fileName()), Arrays.copyOf(cut, cut.length / 2));

        List<TurnImage> loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> store.load("my chat").turns().getFirst().images());

        assertThat(loaded).containsExactly(kept);
    }

    @Test
    void aGifSavedByAnEarlierVersionComesBackAsThePngItIsSentAsNowAndReplacesItAtTheNextSave() {
        TurnImage savedGif = new TurnImage(ImageType.GIF, TestImages.gif(20, 10));
        TurnImage damagedGif = new TurnImage(ImageType.GIF, Arrays.copyOf(TestImages.gif(20, 10), 30));
        Conversation conversation = new Conversation("");
        conversation.addUser("What is this?", List.of(savedGif, damagedGif, photo));
        ConversationStore store = new ConversationStore(folder);
        store.save("old chat", conversation);

        String markdown = store.exportMarkdown("old chat", false);
        Conversation loaded = store.load("old chat");

        List<TurnImage> images = loaded.turns().getFirst().images();
        assertThat(images).as("a damaged one is left out: a provider would refuse it at every turn").hasSize(2);
        assertThat(images.getFirst().type()).isEqualTo(ImageType.PNG);
        BufferedImage frame = TestImages.decode(images.getFirst().bytes());
        assertThat(frame.getWidth()).isEqualTo(20);
        assertThat(frame.getHeight()).isEqualTo(10);
        assertThat(images.get(1)).isEqualTo(photo);
        assertThat(markdown).as("the export links the files as they are").contains(savedGif.fileName());

        store.save("old chat", loaded);
        Path pictures = folder.resolve("old-chat.images");
        assertThat(pictures.resolve(savedGif.fileName())).doesNotExist();
        assertThat(pictures.resolve(damagedGif.fileName())).doesNotExist();
        assertThat(pictures.resolve(images.getFirst().fileName())).exists();
        assertThat(store.load("old chat").turns().getFirst().images()).isEqualTo(images);
    }

    /** Saved with its metadata by an earlier version: it goes without it, and is saved without it next time. */
    @Test
    void aPhotoSavedWithItsPositionIsSentWithoutItAndReplacedAtTheNextSave() throws Exception {
        TurnImage saved = new TurnImage(ImageType.JPEG, TestImages.photoWithMetadata(40, 30));
        Conversation conversation = new Conversation("");
        conversation.addUser("Where is this?", List.of(saved));
        ConversationStore store = new ConversationStore(folder);
        store.save("old chat", conversation);
        Path pictures = folder.resolve("old-chat.images");

        TurnImage loaded = store.load("old chat").turns().getFirst().images().getFirst();

        assertThat(new String(loaded.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS-48.8584N", "Exif");
        assertThat(loaded.fileName()).isNotEqualTo(saved.fileName());
        assertThat(pictures.resolve(saved.fileName())).as("read, not written to").hasBinaryContent(saved.bytes());

        store.save("old chat", store.load("old chat"));
        assertThat(pictures.resolve(saved.fileName())).doesNotExist();
        assertThat(pictures.resolve(loaded.fileName())).hasBinaryContent(loaded.bytes());
        assertThat(store.load("old chat").turns().getFirst().images()).containsExactly(loaded);
    }

    @Test
    void aFileWhereThePicturesFolderGoesIsNamedWithTheReason() throws Exception {
        Path inTheWay = folder.resolve("my-chat.images");
        Files.writeString(inTheWay, "not a folder");

        // The JDK's exception carried the path alone: "... in X: X. Check that ...".
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConversationStore(folder).save("my chat",
                withPictures())).isInstanceOf(ConversationStoreException.class).hasMessage("Cannot save the images of "
                + folder.resolve("my-chat.json") + " in " + inTheWay + ": " + inTheWay + " already exists and is not a"
                + " folder. Check that the folder is writable and the disk has space.");
    }

    @Test
    void aConversationWithoutPicturesMakesNoFolder() {
        ConversationStore store = new ConversationStore(folder);
        Conversation conversation = new Conversation("");
        conversation.addUser("Hi");
        conversation.addAssistant("Hello.");

        store.save("plain", conversation);

        assertThat(folder.resolve("plain.images")).doesNotExist();
        assertThat(Path.of(folder.resolve("plain.json").toString())).content().doesNotContain("images");
    }
}
