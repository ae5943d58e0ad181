package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnTimings;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.voice.VoiceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the window saves the conversation it shows: at every answered turn's end, however it ended, and at exit. */
class ConversationsViewModelTest {

    @TempDir
    Path folder;

    private final ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
    private final Banners banners = new Banners();
    private final MainViewModel main = new MainViewModel(assistant, Tasks.direct(), banners);

    private ConversationsViewModel conversations(ConversationStore store) {
        return new ConversationsViewModel(store, assistant, () -> new Conversation(""), main, Tasks.direct(), banners);
    }

    /** Esc while the first answer of a new conversation speaks: what was heard is kept, and saved. */
    @Test
    void aStoppedAnswerIsSavedWhenItsTurnEnds() {
        ConversationStore store = new ConversationStore(folder);
        ConversationsViewModel conversations = conversations(store);
        Conversation conversation = assistant.conversation();
        conversation.addUser("Tell me about Paris.");
        conversation.endInterruptedTurn("Paris is the capital");

        assistant.emit(new VoiceEvent.Waterfall(1, new TurnTimings(0, 500, 600, 900, 950, 1200)));

        String name = conversations.currentProperty().get();
        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly(name);
        assertThat(store.load(name).turns()).extracting(Turn::text)
                .containsExactly("Tell me about Paris.", "Paris is the capital");
    }

    @Test
    void aSystemPromptSavedBeforeTheFirstQuestionIsTheOpenConversationsOneWithTurnsItKeepsItsOwn() {
        ConversationsViewModel conversations = new ConversationsViewModel(new ConversationStore(folder), assistant,
                () -> new Conversation("Answer briefly."), main, Tasks.direct(), banners);
        conversations.startNew();
        String name = conversations.currentProperty().get();

        conversations.systemPromptSaved("Answer in French.");

        assertThat(assistant.conversation().systemPrompt()).isEqualTo("Answer in French.");
        assertThat(conversations.currentProperty().get()).as("still the same conversation").isEqualTo(name);

        assistant.conversation().addUser("Bonjour ?");
        assistant.conversation().addAssistant("Bonjour !");
        conversations.systemPromptSaved("Answer in German.");

        assertThat(assistant.conversation().systemPrompt()).isEqualTo("Answer in French.");
        assertThat(assistant.conversation().turnCount()).isEqualTo(2);
    }

    /** `parley chat --conversation NAME` in a terminal saved one while the window was in the background. */
    @Test
    void aConversationSavedElsewhereShowsOnceTheFolderChanged() throws Exception {
        ConversationStore store = new ConversationStore(folder);
        store.save("kitchen", withATurn());
        ConversationsViewModel conversations = conversations(store);
        conversations.refreshIfChanged();
        assertThat(conversations.saved()).extracting(ConversationInfo::name).containsExactly("kitchen");

        Thread.sleep(20); // a folder's time moves in clock ticks of a few ms; a person's saves are further apart
        new ConversationStore(folder).save("from the terminal", withATurn());
        conversations.refreshIfChanged();

        assertThat(conversations.saved()).extracting(ConversationInfo::name)
                .containsExactlyInAnyOrder("kitchen", "from the terminal");
    }

    private static Conversation withATurn() {
        Conversation conversation = new Conversation("");
        conversation.addUser("Hello?");
        conversation.endInterruptedTurn("Hi");
        return conversation;
    }

    @Test
    void exportingANewConversationWithoutTurnsSaysSoAndSavesNothing() {
        ConversationStore store = new ConversationStore(folder);
        ConversationsViewModel conversations = conversations(store);

        conversations.export(conversations.currentProperty().get(), folder.resolve("out.md"));

        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("Nothing to export yet: this conversation has no turns.");
        assertThat(store.list()).isEmpty();
        assertThat(folder.resolve("out.md")).doesNotExist();
    }

    @Test
    void theConversationIsSavedOnTheCallingThreadAsTheWindowCloses() {
        ConversationStore store = new ConversationStore(folder);
        ConversationsViewModel conversations = new ConversationsViewModel(store, assistant, () -> new Conversation(""),
                main, new Tasks(work -> { }, Runnable::run), banners); // a worker that never runs: the process ends
        assistant.conversation().addUser("Hello?");
        assistant.conversation().endInterruptedTurn("Hi");

        conversations.saveCurrentBeforeExit();

        assertThat(store.load(conversations.currentProperty().get()).turns()).hasSize(2);
    }

    /** Thousands of conversations take a moment to list at start: the empty list meanwhile is not "none saved". */
    @Test
    void theListIsLoadingUntilTheFirstListingLands() {
        ConversationStore store = new ConversationStore(folder);
        store.save("kitchen", withATurn());
        List<Runnable> pending = new ArrayList<>();
        ConversationsViewModel conversations = new ConversationsViewModel(store, assistant,
                () -> new Conversation(""), main, new Tasks(pending::add, Runnable::run), banners);

        assertThat(conversations.loadingProperty().get()).isTrue();
        assertThat(conversations.saved()).isEmpty();

        pending.forEach(Runnable::run);

        assertThat(conversations.loadingProperty().get()).isFalse();
        assertThat(conversations.saved()).extracting(ConversationInfo::name).containsExactly("kitchen");
    }

    /**
     * The window gets the focus just after it starts, while the start's listing may still run: that
     * listing counts as the look at the folder, or thousands of conversations were listed twice at once.
     * A file slipped in with the folder's time put back is what a second listing would find.
     */
    @Test
    void theFirstFocusDoesNotListAFolderUnchangedSinceTheStart() throws Exception {
        new ConversationStore(folder).save("kitchen", withATurn());
        new ConversationStore(folder).list(); // an earlier run's: this start finds its rows kept, and writes none
        ConversationStore store = new ConversationStore(folder);
        ConversationsViewModel conversations = conversations(store);
        FileTime listed = Files.getLastModifiedTime(folder);
        store.save("unseen", withATurn());
        Files.setLastModifiedTime(folder, listed);

        conversations.refreshIfChanged();

        assertThat(conversations.saved()).extracting(ConversationInfo::name).containsExactly("kitchen");
    }

    /**
     * Conversations load on threads of their own, so a big one clicked first can finish after a small one
     * clicked next: what shows is the last one asked for, and a conversation started meanwhile stays.
     */
    @Test
    void aConversationLoadedAfterALaterChoiceDoesNotReplaceIt() {
        ConversationStore store = new ConversationStore(folder);
        store.save("big", withATurn());
        store.save("small", withATurn());
        List<Runnable> loads = new ArrayList<>();
        ConversationsViewModel conversations = new ConversationsViewModel(store, assistant,
                () -> new Conversation(""), main, new Tasks(loads::add, Runnable::run), banners);
        loads.clear(); // the start's listing

        conversations.resume("big");
        conversations.resume("small");
        loads.get(1).run();
        loads.get(0).run();

        assertThat(conversations.currentProperty().get()).isEqualTo("small");
        loads.clear();
        conversations.resume("big");
        conversations.startNew();
        String fresh = conversations.currentProperty().get();
        loads.getFirst().run();

        assertThat(conversations.currentProperty().get()).isEqualTo(fresh);
        assertThat(main.transcript()).isEmpty();
        ConversationLock.take(store, "big").close(); // not left held by the load let go
    }

    /** Enter pressed twice on a conversation still loading: one load, and no "open elsewhere" error. */
    @Test
    void aConversationAskedForAgainWhileItLoadsIsLoadedOnce() {
        ConversationStore store = new ConversationStore(folder);
        store.save("big", withATurn());
        List<Runnable> loads = new ArrayList<>();
        ConversationsViewModel conversations = new ConversationsViewModel(store, assistant,
                () -> new Conversation(""), main, new Tasks(loads::add, Runnable::run), banners);
        loads.clear(); // the start's listing

        conversations.resume("big");
        conversations.resume("big");
        List.copyOf(loads).forEach(Runnable::run);

        assertThat(banners.shown()).isEmpty();
        assertThat(conversations.currentProperty().get()).isEqualTo("big");
        assertThat(main.transcript()).extracting(TranscriptEntry::text).containsExactly("Hello?", "Hi");
    }
}
