package dev.parley.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.JsonDamage;
import dev.parley.storage.OwnFiles;
import dev.parley.storage.WriterLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The timers still running, kept in {@code <data>/timers.json} (private, replaced atomically) so a
 * timer outlives the Parley that set it: the next start tells the ones that went off meanwhile and
 * runs the rest. Each entry names the process running it; another Parley on the same data folder
 * takes over only the timers of processes that are gone, so a timer is never told twice. Every
 * change reads the file again under a {@link WriterLock}. A file that cannot be read or written
 * costs the timers their persistence, never the timer itself: it is logged.
 */
public final class PendingTimers {

    /** A timer as stored: {@code owner} is the process running it ({@link Owner#current()}). */
    public record Entry(String id, String label, long seconds, Instant due, Owner owner) {}

    /** A process, told apart from a later one that reuses its id by its start time. */
    public record Owner(long pid, Instant started) {

        public static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
        }

        /** Whether this process still runs. */
        static boolean alive(Owner owner) {
            return ProcessHandle.of(owner.pid()).filter(ProcessHandle::isAlive)
                    .map(process -> process.info().startInstant().orElse(Instant.EPOCH).equals(owner.started()))
                    .orElse(false);
        }
    }

    private static final Logger LOG = LogManager.getLogger(PendingTimers.class);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** A timer's entry is under 300 bytes and each Parley runs at most 20: a larger file is not Parley's. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;
    private final Owner self;
    private final Predicate<Owner> alive;

    public PendingTimers(Path file) {
        this(file, Owner.current(), Owner::alive);
    }

    /** {@code alive} says whether another process still runs its timers. */
    PendingTimers(Path file, Owner self, Predicate<Owner> alive) {
        this.file = file;
        this.self = self;
        this.alive = alive;
    }

    public Path file() {
        return file;
    }

    Owner self() {
        return self;
    }

    void add(Entry entry) {
        change("the timer '" + entry.label() + "' goes off while this Parley runs, but is lost if it closes first",
                entries -> entries.add(entry));
    }

    void remove(String id) {
        removeAll(List.of(id));
    }

    /** Forgets the timers {@code ids} in one change, not one rewrite of the file each. */
    void removeAll(Collection<String> ids) {
        Set<String> gone = Set.copyOf(ids);
        String loss = gone.size() == 1
                ? "a finished timer stays in it, and the next Parley to start tells it again"
                : gone.size() + " finished timers stay in it, and the next Parley to start tells them again";
        change(loss, entries -> entries.removeIf(entry -> gone.contains(entry.id())));
    }

    /**
     * Takes the timers no running Parley owns (this process's own included: they were set before a
     * restart of its timers), marking them as this process's; the ones already due are removed, so
     * they are told once, by whoever took them.
     */
    List<Entry> takeOrphans(Instant now) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(); // no timer was ever kept: nothing to take, and nothing is written
        }
        List<Entry> taken = new ArrayList<>();
        change("the timers of a closed Parley are told or run now, but stay in it, and the next Parley to start"
                + " tells them again", entries -> {
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.owner().equals(self) || !alive.test(entry.owner())) {
                    taken.add(entry);
                    entries.set(i, new Entry(entry.id(), entry.label(), entry.seconds(), entry.due(), self));
                }
            }
            entries.removeIf(entry -> entry.owner().equals(self) && !entry.due().isAfter(now));
        });
        return taken;
    }

    /** What the file holds now; empty when it is missing or unreadable. */
    List<Entry> read() {
        try {
            return load();
        } catch (IOException e) {
            LOG.warn("The timers file {} is unreadable ({}); timers set before are lost", file, FileErrors.reason(e));
            return List.of();
        }
    }

    private interface Change {
        void apply(List<Entry> entries);
    }

    /**
     * Applies {@code change} to the file's entries and writes them back, unless it changed nothing.
     * {@code ifUnwritten} says what a failed write means for the user's timers: the warning names the
     * cause (a full disk, a folder not writable) with its fix, and never reads as a failure of a timer.
     */
    private void change(String ifUnwritten, Change change) {
        try {
            WriterLock.holding(file, LOCK_WAIT, () -> {
                List<Entry> before = load();
                List<Entry> entries = new ArrayList<>(before);
                change.apply(entries);
                if (!entries.equals(before)) {
                    AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
                }
                return null;
            });
        } catch (IOException e) {
            Path folder = file.toAbsolutePath().getParent();
            LOG.warn("Could not write the timers file {} ({}), so {}. {}", file, FileErrors.reason(e), ifUnwritten,
                    FileErrors.remedy(e, folder).strip());
        }
    }

    private List<Entry> load() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        // Bounded, and never a pipe (whose open waits forever) or a link: refused, naming the file, and
        // left where it is, since it is not a timers file Parley wrote.
        byte[] bytes = OwnFiles.readAtMost(file, MAX_FILE_BYTES);
        try {
            List<Entry> stored = Optional.ofNullable(JSON.readValue(bytes, new TypeReference<List<Entry>>() {}))
                    .orElse(List.of());
            return complete(stored);
        } catch (IOException unreadable) {
            // A damaged file (a disk error; writes are atomic) is set aside, not parsed again on every change.
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("The timers file {} is damaged: {}; it was moved aside to {}, and the timers it held are lost"
                    + " (set them again)", file, JsonDamage.reason(unreadable, "a list of timers"), aside);
            return List.of();
        }
    }

    /**
     * The entries a timer can run from. A file edited by hand, or written by another version, may
     * hold an entry without a field or a null; one such entry must cost that timer only, not every
     * start of the window, {@code chat} and {@code serve}. A label longer than {@code set_timer} takes is
     * no timer Parley set, and would be read out at length. The next change writes the rest back.
     */
    private List<Entry> complete(List<Entry> stored) {
        List<Entry> complete = stored.stream().filter(entry -> entry != null && entry.id() != null
                && !entry.id().isBlank() && entry.label() != null && entry.label().length() <= Timers.MAX_LABEL_CHARS
                && entry.due() != null && entry.owner() != null
                && entry.owner().started() != null && entry.seconds() >= 1 && entry.seconds() <= Timers.MAX_SECONDS)
                .toList();
        if (complete.size() < stored.size()) {
            LOG.warn("{} of the {} timers in {} were damaged (a field missing, null or out of range) and are left out",
                    stored.size() - complete.size(), stored.size(), file);
        }
        return complete;
    }
}
