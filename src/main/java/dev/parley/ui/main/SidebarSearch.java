package dev.parley.ui.main;

import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationSearch;
import dev.parley.ui.Tasks;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the conversations sidebar lists while the user searches it: at once the conversations whose
 * names hold the typed words, then, from a search of their turns in the background, those that said
 * them, each with the line that did. Every keystroke starts a new search and the one before stops at
 * its next file, so typing is never held up by a search of thousands of files. Without a query the
 * sidebar lists every saved conversation. FX thread only.
 */
public final class SidebarSearch {

    private final ObservableList<ConversationInfo> saved;
    private final ConversationSearch search;
    private final Tasks tasks;
    private final ObservableList<ConversationInfo> shown = FXCollections.observableArrayList();
    private final ObservableList<ConversationInfo> shownView = FXCollections.unmodifiableObservableList(shown);
    /** The line of a turn that holds the words, by conversation name; none when the name matched. */
    private final Map<String, String> snippets = new HashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** Counts queries; a search whose number is no longer the latest stops and its result is dropped. */
    private final AtomicInteger latest = new AtomicInteger();
    private String query = "";

    public SidebarSearch(ObservableList<ConversationInfo> saved, ConversationSearch search, Tasks tasks) {
        this.saved = saved;
        this.search = search;
        this.tasks = tasks;
        shown.setAll(saved);
        // A turn saved, a conversation renamed or deleted: the list changes, and the search runs again on it.
        saved.addListener((ListChangeListener<ConversationInfo>) change -> search(query));
    }

    /**
     * Lists what {@code typed} finds; blank lists every conversation. The same query again (the list
     * changed: a turn saved, a conversation deleted) keeps what it found meanwhile, less what is gone,
     * instead of falling back to the name matches until the search of the turns ends.
     */
    public void search(String typed) {
        String asked = typed == null ? "" : typed.strip();
        boolean again = asked.equals(query);
        query = asked;
        int number = latest.incrementAndGet();
        if (asked.isEmpty()) {
            snippets.clear();
            status.set("");
            shown.setAll(saved);
            return;
        }
        List<ConversationInfo> rows = List.copyOf(saved);
        if (again) {
            Set<String> still = rows.stream().map(ConversationInfo::name).collect(Collectors.toSet());
            shown.removeIf(row -> !still.contains(row.name()));
        } else {
            snippets.clear();
            Predicate<String> byName = ConversationSearch.namesHolding(asked);
            shown.setAll(rows.stream().filter(row -> byName.test(row.name())).toList());
            status.set("Searching what was said…");
        }
        tasks.run(() -> search.find(asked, rows, () -> latest.get() != number), found -> {
            if (latest.get() != number) {
                return;
            }
            snippets.clear();
            found.stream().filter(hit -> !hit.snippet().isEmpty())
                    .forEach(hit -> snippets.put(hit.info().name(), hit.snippet()));
            shown.setAll(found.stream().map(ConversationSearch.Found::info).toList());
            status.set(summary(found.size(), asked));
        }, failure -> {
            if (latest.get() == number) {
                status.set("Could not search what was said: " + Tasks.message(failure));
            }
        });
    }

    private static String summary(int found, String asked) {
        return switch (found) {
            case 0 -> "No conversation mentions \"" + asked + "\".";
            case 1 -> "1 conversation";
            default -> String.format(Locale.ROOT, "%,d conversations", found);
        };
    }

    /** The conversations to list: all, or what the search found, most recently updated first. */
    public ObservableList<ConversationInfo> shown() {
        return shownView;
    }

    /** The line of {@code name}'s turns that holds the query's words; empty when its name matched or no search runs. */
    public String snippetOf(String name) {
        return snippets.getOrDefault(name, "");
    }

    /** "Searching…", how many were found, or nothing while no search runs. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
