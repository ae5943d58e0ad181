package dev.parley.ui.main;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationInUseException;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationSearch;
import dev.parley.conversation.ConversationStore;
import dev.parley.storage.AtomicFiles;
import dev.parley.ui.Tasks;
import dev.parley.voice.VoiceAssistant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicReference;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved conversations: the list, and new, resume, rename, export and delete. The conversation on
 * screen is saved under its name after every completed turn. All file work runs off the UI thread.
 */
public final class ConversationsViewModel {

    private static final Logger LOG = LogManager.getLogger(ConversationsViewModel.class);

    private static final DateTimeFormatter NAME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final ConversationStore store;
    private final VoiceAssistant assistant;
    private final Supplier<Conversation> fresh;
    private final MainViewModel main;
    private final Tasks tasks;
    private final Banners banners;
    private final ObservableList<ConversationInfo> saved = FXCollections.observableArrayList();
    private final ObservableList<ConversationInfo> savedView = FXCollections.unmodifiableObservableList(saved);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(newName());
    /** Until the first listing lands: an empty list then is not "no saved conversations". */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    /** The conversations folder's time when {@link #refreshIfChanged} last looked. */
    private final AtomicReference<FileTime> listedAt = new AtomicReference<>();
    /** The resumed conversation, held so no other Parley saves over it meanwhile; FX thread only. */
    private ConversationLock held;
    /**
     * The conversation being loaded to be shown, by identity; FX thread only. Loads run on threads of their
     * own, so a big one asked for first can land after a small one asked for next: only the last one asked
     * for is shown, and the same one asked for again while it loads is not loaded twice (the second would
     * find the first's lock and call the conversation open elsewhere).
     */
    private Opening opening;

    public ConversationsViewModel(ConversationStore store, VoiceAssistant assistant, Supplier<Conversation> fresh,
            MainViewModel main, Tasks tasks, Banners banners) {
        this.store = store;
        this.assistant = assistant;
        this.fresh = fresh;
        this.main = main;
        this.tasks = tasks;
        this.banners = banners;
        main.onTurnEnded(this::saveCurrent);
        refresh();
    }

    public void refresh() {
        tasks.run(() -> {
            synchronized (listedAt) { // the window's first focus, just after, finds the folder listed
                long started = System.nanoTime();
                FileTime changed = folderTime();
                List<ConversationInfo> list = store.list();
                listedAt.set(changed);
                if (loading.get()) { // the start's listing: what scripts/startup-bench --data waits for
                    LOG.info("Saved conversations listed ({}) in {} ms", list.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                return list;
            }
        }, list -> {
            saved.setAll(list);
            loading.set(false);
        }, failure -> {
            loading.set(false);
            fail(failure);
        });
    }

    /**
     * Lists the conversations again when their folder changed since the last look (a {@code parley chat
     * --conversation} in a terminal saved one): what the window does when it gets the focus. Every
     * save renames a file into the folder, which changes its time; reading every file costs more.
     */
    public void refreshIfChanged() {
        tasks.run(() -> {
            synchronized (listedAt) { // one look at a time: an older listing never lands after a newer one
                FileTime changed = folderTime();
                if (changed == null || changed.equals(listedAt.get())) {
                    return null;
                }
                List<ConversationInfo> list = store.list();
                listedAt.set(changed); // only once listed: a failed listing is tried again at the next focus
                return list;
            }
        }, list -> {
            if (list != null) {
                saved.setAll(list);
            }
        }, this::fail);
    }

    /** A search of these conversations, for the sidebar: its list follows theirs. */
    public SidebarSearch newSearch() {
        return new SidebarSearch(saved, new ConversationSearch(store), tasks);
    }

    /** The conversations folder's time; null while there is no folder. */
    private FileTime folderTime() throws IOException {
        return Files.isDirectory(store.folder()) ? Files.getLastModifiedTime(store.folder()) : null;
    }

    /** Starts an empty conversation under a new name (saved once it has a turn). */
    public void startNew() {
        opening = null;
        letGo();
        assistant.useConversation(fresh.get());
        current.set(newName());
        main.showTurns(List.of());
    }

    /**
     * A saved config's system prompt: the open conversation takes it while it has no turns (a prompt
     * changed before the first question is meant for it); one with turns keeps the prompt it began with,
     * as every saved conversation does, and new conversations use the new one.
     */
    public void systemPromptSaved(String prompt) {
        assistant.conversation().adoptSystemPrompt(prompt); // not a new conversation: that would stop a turn starting
    }

    /** Continues a saved conversation, unless another Parley has it open (then a banner says so). */
    public void resume(String name) {
        if (opening != null && opening.name().equals(name)) {
            return;
        }
        if (name.equals(current.get()) && held != null) {
            opening = null;
            return;
        }
        Opening asked = new Opening(name);
        opening = asked;
        tasks.run(() -> {
            ConversationLock lock = ConversationLock.take(store, name);
            try {
                return new Resumed(lock, store.load(name));
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }, resumed -> {
            if (opening != asked) { // another conversation was asked for since
                resumed.lock().close();
                return;
            }
            opening = null;
            letGo();
            held = resumed.lock();
            assistant.useConversation(resumed.conversation());
            current.set(name);
            main.showTurns(resumed.conversation().turns());
        }, failure -> {
            if (opening == asked) {
                opening = null;
            }
            fail(failure);
        });
    }

    private record Resumed(ConversationLock lock, Conversation conversation) {}

    /** A request to show a conversation; each is its own, compared by identity. */
    private static final class Opening {
        private final String name;

        Opening(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private void letGo() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    public void saveCurrent() {
        String name = current.get();
        Conversation conversation = assistant.conversation();
        if (conversation.turnCount() == 0) {
            return;
        }
        tasks.run(() -> {
            store.save(name, conversation);
            return store.list();
        }, saved::setAll, this::fail);
    }

    /**
     * Saves the conversation on the calling thread, for a window that closes: the process may end
     * before a save on a worker thread would finish. A failure is logged; there is no window left to
     * show it.
     *
     * @return whether the conversation is saved under {@link #currentProperty()}'s name
     */
    public boolean saveCurrentBeforeExit() {
        Conversation conversation = assistant.conversation();
        if (conversation.turnCount() == 0) {
            return false;
        }
        try {
            store.save(current.get(), conversation);
            return true;
        } catch (RuntimeException e) {
            LOG.error("The conversation '{}' could not be saved as Parley closed: {}", current.get(), e.getMessage());
            return false;
        }
    }

    public void rename(String oldName, String newName) {
        String target = newName == null ? "" : newName.strip();
        if (target.isEmpty() || target.equals(oldName)) {
            return;
        }
        boolean showing = oldName.equals(current.get()) && held != null;
        tasks.run(() -> {
            if (store.exists(oldName)) {
                store.rename(oldName, target);
            }
            // The window goes on saving the conversation it shows under the new name: it holds that one now.
            return new Renamed(store.list(), showing ? holdRenamed(target) : null);
        }, renamed -> {
            saved.setAll(renamed.list());
            if (oldName.equals(current.get())) {
                current.set(target);
            }
            if (renamed.lock() != null) {
                letGo();
                held = renamed.lock();
            }
        }, this::fail);
    }

    private record Renamed(List<ConversationInfo> list, ConversationLock lock) {}

    /** The renamed conversation's lock; none if another Parley took the new name in the moment between. */
    private ConversationLock holdRenamed(String name) {
        try {
            return ConversationLock.take(store, name);
        } catch (ConversationInUseException taken) {
            return null;
        }
    }

    public void delete(String name) {
        tasks.run(() -> {
            store.delete(name);
            return store.list();
        }, list -> {
            saved.setAll(list);
            if (name.equals(current.get())) {
                startNew();
            }
        }, this::fail);
    }

    /** Writes the conversation as Markdown (reasoning left out) to {@code target}. */
    public void export(String name, Path target) {
        if (nothingToExport(name)) {
            banners.show(Banner.info("export", "Nothing to export yet: this conversation has no turns."));
            return;
        }
        tasks.run(() -> {
            if (name.equals(current.get()) && !store.exists(name)) {
                store.save(name, assistant.conversation());
            }
            AtomicFiles.write(target, store.exportMarkdown(name, false).getBytes(StandardCharsets.UTF_8));
            return target;
        }, written -> banners.show(Banner.confirmation("export", "Exported " + name + " to " + written)),
                this::fail);
    }

    /** The new conversation on screen before its first turn: no file, nothing said. */
    public boolean nothingToExport(String name) {
        return name.equals(current.get()) && assistant.conversation().turnCount() == 0 && held == null;
    }

    private void fail(Throwable failure) {
        banners.show(Banner.error("conversations", Tasks.message(failure)));
    }

    private static String newName() {
        return "chat-" + LocalDateTime.now().format(NAME_FORMAT);
    }

    public ObservableList<ConversationInfo> saved() {
        return savedView;
    }

    /** Whether the saved conversations are still being listed for the first time. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }
}
