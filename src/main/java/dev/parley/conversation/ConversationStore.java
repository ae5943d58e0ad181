package dev.parley.conversation;

import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.JsonDamage;
import dev.parley.storage.OwnFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.text.Normalizer;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Saved conversations, one JSON file each: {@code FOLDER/SLUG.json}, where the slug is the name with
 * spaces turned into hyphens. Names that give the same slug ("my chat", "my-chat") are one
 * conversation.
 *
 * <p>Every save writes a hidden temporary file in the same folder, forces it to disk and renames it
 * over the old file in one atomic step, so a crash or power cut leaves either the old or the new
 * conversation, never half of one. A file that cannot be read is reported by path and left alone.
 *
 * <p>The pictures user turns showed are files in a folder beside the conversation's
 * ({@link ConversationImages}): saved with it, moved when it is renamed, removed when it is deleted.
 */
public final class ConversationStore {

    private static final Logger LOG = LogManager.getLogger(ConversationStore.class);
    /**
     * Letters and digits of any script, spaces, and punctuation every common file system takes in a
     * file name ("Mum's birthday", "Café plans, Paris"); never a path separator, a dot (no hidden file,
     * no "..", and no slug that is another's images folder) or what Windows refuses (? : * " < > |).
     * A letter or digit brings its combining marks (\\p{M}): Devanagari's and Tamil's vowel signs,
     * Hebrew's points, accents NFC cannot compose; a mark alone, which would sit on the quote or dash
     * before it, is not a name.
     */
    private static final Pattern VALID_NAME = Pattern.compile("(?:[\\p{L}\\p{N}]\\p{M}*|[_\\- ,'()&!+])+");
    private static final int MAX_NAME_LENGTH = 100;
    /**
     * File systems limit a file name to 255 bytes, not characters, and a save also writes
     * {@code .NAME.json.<random>.tmp}, 31 bytes more: 200 bytes of name leave room on every common one.
     * In UTF-8 a Latin letter takes one byte, a Chinese, Japanese or Korean one three.
     */
    static final int MAX_NAME_BYTES = 200;
    /**
     * The largest conversation file read: hundreds of long turns fit (pictures are files of their own);
     * a larger one is damaged or not Parley's, and parsing it could exhaust the memory.
     */
    public static final int MAX_FILE_BYTES = 128 * 1024 * 1024;
    /** Device names Windows reserves in every folder, whatever the extension: such a file cannot be made there. */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
    private static final String EXTENSION = ".json";

    private final Path folder;
    private final Clock clock;
    private final PromptFiller filler;
    private final Set<Path> swept = ConcurrentHashMap.newKeySet();
    private final ConversationListing listing;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ConversationStore(Path folder) {
        this(folder, Clock.systemUTC());
    }

    public ConversationStore(Path folder, Clock clock) {
        this(folder, clock, PromptFiller.VERBATIM);
    }

    /** {@code filler}: fills the system prompt of every conversation {@link #load}ed, at each of its turns. */
    public ConversationStore(Path folder, Clock clock, PromptFiller filler) {
        this.folder = folder;
        this.clock = clock;
        this.filler = filler;
        this.listing = new ConversationListing(folder, this::read, ConversationStore::isConversationFile);
    }

    public Path folder() {
        return folder;
    }

    /**
     * The file a name is saved in. Names are letters, digits, spaces and a few marks ({@link #VALID_NAME}),
     * so no name can reach outside the folder or hide a file.
     */
    public Path fileFor(String name) {
        return folder.resolve(slug(name) + EXTENSION);
    }

    static String slug(String name) {
        // One spelling per name: "café" typed composed or decomposed (as macOS does) is one conversation.
        String trimmed = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (trimmed.isEmpty()) {
            throw new ConversationStoreException("A conversation name cannot be empty.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH || !VALID_NAME.matcher(trimmed).matches()) {
            throw new ConversationStoreException("'" + shortened(name) + "' is not a valid conversation name: use up"
                    + " to " + MAX_NAME_LENGTH + " letters, digits, spaces and - _ , ' ( ) & ! + (not / \\ . ? : ; *"
                    + " \" < > |).");
        }
        String slug = trimmed.replaceAll(" +", "-");
        int bytes = slug.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new ConversationStoreException("'" + shortened(name) + "' is too long for a file name: it takes "
                    + bytes + " bytes where at most " + MAX_NAME_BYTES + " fit (" + MAX_NAME_LENGTH + " Latin letters,"
                    + " or " + MAX_NAME_BYTES / 3 + " Chinese, Japanese or Korean ones); choose a shorter name.");
        }
        if (WINDOWS_DEVICE.matcher(slug).matches()) {
            throw new ConversationStoreException("'" + trimmed + "' is a device name on Windows, where no file can"
                    + " have it; choose another conversation name.");
        }
        return slug;
    }

    /** What is wrong with {@code name} as a conversation name, as a save would say it; empty when nothing is. */
    public static Optional<String> nameProblem(String name) {
        try {
            slug(name);
            return Optional.empty();
        } catch (ConversationStoreException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A name as messages quote it: a 1,000-character one is not repeated in full. */
    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }

    /**
     * Whether {@code name} is saved; fails when its file's name is taken by something that is not a
     * file of its own (a folder, a pipe, a link), which a save would otherwise silently replace.
     */
    public boolean exists(String name) {
        Path file = fileFor(name);
        requireFileOrNothing(file);
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static void requireFileOrNothing(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConversationStoreException(notAFile(file) + ", so Parley neither reads nor replaces it: move"
                    + " it away, or choose another conversation name.");
        }
    }

    /**
     * A link is refused too, wherever it points: reading it would show another file as a conversation,
     * and a save replaces the link itself (the atomic rename), cutting it from what it pointed to.
     */
    static String notAFile(Path file) {
        return file + " is " + OwnFiles.whatElse(file).orElse("not a regular file") + ", not a conversation file";
    }

    /** The saved conversations that could be read, most recently updated first, and the files that could not. */
    public record Listing(List<ConversationInfo> readable, List<Path> unreadable) {}

    /** The saved conversations, most recently updated first. Unreadable files are skipped with a warning. */
    public List<ConversationInfo> list() {
        return listing().readable();
    }

    /** Like {@link #list}, also naming the files skipped: "no conversations" is not true of a folder of broken ones. */
    public Listing listing() {
        return listing.listing();
    }

    /** Temporary files start with a dot and end in .tmp; only finished files count. */
    private static boolean isConversationFile(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(EXTENSION) && !fileName.startsWith(".");
    }

    public Conversation load(String name) {
        Path file = existingFile(name);
        return read(file).toConversation(filler, ConversationImages.beside(file)::readToSend);
    }

    /** The folder the pictures of the conversation {@code name} are saved in (it may not exist). */
    public Path imagesFolderFor(String name) {
        return ConversationImages.beside(fileFor(name)).folder();
    }

    public void save(String name, Conversation conversation) {
        Path target = fileFor(name);
        requireFileOrNothing(target);
        List<Turn> turns = conversation.turns();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(ConversationFile.of(name.strip(), conversation, turns, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize conversation " + name, e);
        }
        ConversationImages images = ConversationImages.beside(target);
        try {
            images.write(turns.stream().flatMap(turn -> turn.images().stream()).toList());
        } catch (IOException e) {
            // FileErrors: the JDK's message is often the path alone ("in X: X.").
            throw new ConversationStoreException("Cannot save the images of " + target + " in " + images.folder()
                    + ": " + FileErrors.reason(e) + ". Check that the folder is writable and the disk has space.", e);
        }
        writeAtomically(target, bytes);
        images.keepOnly(ConversationImages.namesIn(turns));
        // Once per conversation and store (a session): listing the folder on every turn costs more
        // than the leftovers it would find.
        if (swept.add(target)) {
            // A process killed mid-save leaves its temporary file behind; a younger one may be another's save.
            AtomicFiles.removeAbandoned(target, clock.instant());
        }
    }

    /**
     * Removes the conversation's file, then its pictures; refused while another Parley has it open
     * ({@link ConversationLock}).
     */
    public void delete(String name) {
        Path file = existingFile(name);
        ConversationLock.unlessOpenElsewhere(this, name, () -> {
            try {
                Files.delete(file);
                ConversationImages.beside(file).deleteAll();
            } catch (IOException e) {
                throw new ConversationStoreException("Cannot delete " + file + " (" + FileErrors.reason(e) + ").", e);
            }
        });
    }

    /**
     * Saves the conversation under the new name, moves its pictures along, then removes the old file;
     * refused while another Parley has either name open ({@link ConversationLock}).
     */
    public void rename(String oldName, String newName) {
        existingFile(oldName); // "no such conversation" comes before "open in another Parley"
        // Both names are held while it moves; when both are one file, the inner hold finds it held here.
        ConversationLock.unlessOpenElsewhere(this, oldName,
                () -> ConversationLock.unlessOpenElsewhere(this, newName, () -> move(oldName, newName)));
    }

    private void move(String oldName, String newName) {
        Path oldFile = existingFile(oldName);
        Path newFile = fileFor(newName);
        boolean sameFile = oldFile.equals(newFile);
        requireFileOrNothing(newFile);
        if (!sameFile && Files.exists(newFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConversationStoreException("A conversation named '" + newName + "' already exists ("
                    + newFile + "); delete it first or choose another name.");
        }
        ConversationFile saved = read(oldFile);
        ConversationFile renamed = new ConversationFile(saved.format(), newName.strip(), saved.created(),
                saved.updated(), saved.systemPrompt(), saved.summary(), saved.contextStart(), saved.turns());
        try {
            ConversationMove.move(oldFile, newFile, json.writeValueAsBytes(renamed));
        } catch (IOException e) {
            throw new ConversationStoreException("Cannot rename " + oldFile + " to " + newFile + " ("
                    + FileErrors.reason(e) + ").", e);
        }
    }

    /**
     * The conversation as Markdown: "# name", then "**You:**" and "**Parley:**" paragraphs; pictures
     * as image links to their saved files (absolute file URIs, so the export may be put anywhere).
     */
    public String exportMarkdown(String name, boolean includeReasoning) {
        Path file = existingFile(name);
        ConversationFile saved = read(file);
        ConversationImages images = ConversationImages.beside(file);
        return MarkdownExport.render(saved.name(), saved.toConversation(PromptFiller.VERBATIM, images::read).turns(),
                includeReasoning, image -> markdownAddress(images.fileOf(image.fileName())));
    }

    /** A file URI a Markdown link can hold: a name's "(" or ")" would end the link early. */
    private static String markdownAddress(Path file) {
        return file.toUri().toString().replace("(", "%28").replace(")", "%29");
    }

    private Path existingFile(String name) {
        Path file = fileFor(name);
        requireFileOrNothing(file);
        if (!Files.isRegularFile(file)) {
            throw new ConversationStoreException("There is no conversation named '" + name + "' (no " + file
                    + "); `parley conversations list` shows the saved ones.");
        }
        return file;
    }

    private ConversationFile read(Path file) {
        try {
            ConversationFile saved = json.readValue(OwnFiles.readAtMost(file, MAX_FILE_BYTES), ConversationFile.class);
            if (saved == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            saved.toConversation();  // checks roles, timestamps and the summary boundary now, not mid-chat
            return saved;
        } catch (NoSuchFileException e) {
            throw new ConversationStoreException("There is no conversation file " + file, e);
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new ConversationStoreException(file + " is not a readable conversation ("
                    + firstLine(e) + "). It was left untouched: fix it, or move it away to start that"
                    + " conversation afresh.", e);
        }
    }

    /**
     * Why a file is no conversation, in words: the JSON parser's own message names its token classes and
     * quotes the file's first word (of any file, a linked /etc/passwd included).
     */
    private static String firstLine(Exception e) {
        if (e instanceof IOException io) {
            return JsonDamage.reason(io, "a conversation");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private void writeAtomically(Path target, byte[] bytes) {
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new ConversationStoreException("Cannot save " + target + ": " + FileErrors.reason(e)
                    + ". Check that the folder is writable and the disk has space.", e);
        }
    }
}
