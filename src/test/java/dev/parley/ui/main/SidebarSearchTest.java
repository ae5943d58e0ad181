package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationSearch;
import dev.parley.conversation.ConversationStore;
import dev.parley.ui.Tasks;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sidebar lists while the user searches, with the search of the turns run when the test says. */
class SidebarSearchTest {

    @TempDir
    Path folder;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private ConversationStore store;
    private final ObservableList<ConversationInfo> saved = FXCollections.observableArrayList();

    private SidebarSearch search() {
        store = new ConversationStore(folder);
        return new SidebarSearch(saved, new ConversationSearch(store), new Tasks(background::add, Runnable::run));
    }

    private void save(String name, String answer) {
        Conversation conversation = new Conversation("test");
        conversation.addUser("?");
        conversation.addAssistant(answer);
        store.save(name, conversation);
        saved.setAll(store.list());
    }

    private static java.util.List<String> names(SidebarSearch search) {
        return search.shown().stream().map(ConversationInfo::name).toList();
    }

    @Test
    void namesMatchAtOnceAndWhatWasSaidOnceTheTurnsAreSearched() {
        SidebarSearch search = search();
        save("tea time", "Yes.");
        save("kitchen", "Green tea is best.");

        search.search("tea");
        assertThat(names(search)).containsExactly("tea time");
        assertThat(search.statusProperty().get()).isEqualTo("Searching what was said…");

        background.poll().run();
        assertThat(names(search)).containsExactlyInAnyOrder("tea time", "kitchen");
        assertThat(search.snippetOf("kitchen")).isEqualTo("Green tea is best.");
        assertThat(search.statusProperty().get()).isEqualTo("2 conversations");
    }

    @Test
    void aListChangedMidSearchKeepsWhatWasFoundUntilTheTurnsAreSearchedAgain() {
        SidebarSearch search = search();
        save("kitchen", "Green tea is best.");
        search.search("tea");
        background.poll().run();

        save("garden", "Mint tea grows here."); // a turn saved: the list changes, the search runs again

        assertThat(names(search)).as("not only the names that match").containsExactly("kitchen");
        assertThat(search.snippetOf("kitchen")).isEqualTo("Green tea is best.");
        background.poll().run();
        assertThat(names(search)).containsExactlyInAnyOrder("kitchen", "garden");
    }

    @Test
    void anOlderSearchEndingLastNeverReplacesTheNewerOnesResult() {
        SidebarSearch search = search();
        save("kitchen", "Green tea is best.");
        save("garage", "The car is green.");
        search.search("green");
        Runnable older = background.poll();
        search.search("green tea");
        background.poll().run();

        older.run();

        assertThat(names(search)).containsExactly("kitchen");
        assertThat(search.statusProperty().get()).isEqualTo("1 conversation");
    }
}
