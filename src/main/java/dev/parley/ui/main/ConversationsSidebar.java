package dev.parley.ui.main;

import dev.parley.ui.Confirmation;
import dev.parley.ui.EscapeKey;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationSearch;
import dev.parley.conversation.ConversationStore;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The saved conversations beside the transcript: new, open (Enter or double-click), rename, export, delete.
 * A conversation opened or started from the keyboard hands the keyboard to the text field, where it goes on;
 * with the mouse it stays put, so that Space still talks.
 */
final class ConversationsSidebar extends VBox {

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private final ConversationsViewModel conversations;
    private final Window owner;
    private final ListView<ConversationInfo> list;
    private final SidebarSearch search;
    private final TextField searchField = new TextField();
    private final Runnable focusInput;

    ConversationsSidebar(ConversationsViewModel conversations, Window owner, Runnable focusInput) {
        this.conversations = conversations;
        this.owner = owner;
        this.focusInput = focusInput;
        Label title = new Label("CONVERSATIONS");
        title.getStyleClass().add("section-title");
        Label current = new Label();
        current.getStyleClass().add("muted");
        current.textProperty().bind(Bindings.concat("Now: ", conversations.currentProperty()));
        Tooltip currentName = new Tooltip(); // a long name ends in "…" in the sidebar: whole on hover
        currentName.textProperty().bind(conversations.currentProperty());
        current.setTooltip(currentName);
        search = conversations.newSearch();
        list = list();
        Label searchStatus = new Label();
        searchStatus.setId("conversation-search-status");
        searchStatus.getStyleClass().add("muted");
        searchStatus.setWrapText(true);
        searchStatus.textProperty().bind(search.statusProperty());
        searchStatus.managedProperty().bind(searchStatus.textProperty().isNotEmpty());
        searchStatus.visibleProperty().bind(searchStatus.managedProperty());

        Button create = new Button("+ New conversation");
        create.setId("conversation-new");
        create.getStyleClass().add("small");
        create.setTooltip(new Tooltip("Start a new conversation (Ctrl+N)"));
        create.setOnAction(event -> {
            conversations.startNew();
            fromKeyboard(create);
        });
        create.setMaxWidth(Double.MAX_VALUE);
        Button resume = button("Open", "Continue the selected conversation (Enter, or double-click)", conversations::resume);
        resume.addEventHandler(ActionEvent.ACTION, event -> fromKeyboard(resume));
        Button rename = button("Rename", "Rename the selected conversation (F2)", this::rename);
        Button delete = button("Delete", "Delete the selected conversation (Delete)", this::delete);
        delete.getStyleClass().add("danger");
        for (Button button : new Button[] {resume, rename, delete}) {
            button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        // Export works without a selection too: then it exports the current conversation.
        Button export = new Button("Export");
        export.getStyleClass().add("small");
        export.setTooltip(new Tooltip("Save the selected conversation as Markdown"));
        export.setOnAction(event -> export(selected() != null ? selected() : conversations.currentProperty().get()));

        getChildren().setAll(title, current, create, searchField(), searchStatus, list, new FlowPane(6, 6, resume, rename, export, delete));
        getStyleClass().add("sidebar");
    }

    /**
     * Filters the list as the user types (Ctrl+K gets here): Down moves to the results, Enter opens the
     * first, Escape empties the field (and goes back to the list of all) before it would stop an answer.
     */
    private TextField searchField() {
        searchField.setId("conversation-search");
        searchField.setPromptText("Search (Ctrl+K)");
        searchField.setAccessibleText("Search conversations by name or by what was said");
        searchField.setTextFormatter(new TextFormatter<String>(ConversationsSidebar::atMostAQuery));
        searchField.textProperty().subscribe(search::search);
        EscapeKey.emptiesFirst(searchField);
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !searchField.getText().isBlank()
                    && !list.getItems().isEmpty()) { // nothing asked, nothing found: the top one was not chosen
                conversations.resume(list.getItems().getFirst().name());
                focusInput.run();
                event.consume();
            }
        });
        return searchField;
    }

    /** What is typed or pasted beyond {@link ConversationSearch#MAX_QUERY_CHARS} is left out, not half a character. */
    private static TextFormatter.Change atMostAQuery(TextFormatter.Change change) {
        int over = change.getControlNewText().length() - ConversationSearch.MAX_QUERY_CHARS;
        if (over > 0 && change.isContentChange()) {
            String added = change.getText();
            int kept = Math.max(0, added.length() - over);
            if (kept > 0 && Character.isHighSurrogate(added.charAt(kept - 1))) {
                kept--;
            }
            change.setText(added.substring(0, kept));
        }
        return change;
    }

    /** Puts the cursor in the search field, all of an earlier query selected to be typed over. */
    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private ListView<ConversationInfo> list() {
        ListView<ConversationInfo> view = new ListView<>(search.shown());
        view.setId("conversation-list");
        view.setAccessibleText("Saved conversations"); // the heading above is a label of its own, tied to nothing
        Label placeholder = new Label(); // while searching, the search's status says what was (not) found
        placeholder.setId("conversation-list-placeholder");
        placeholder.textProperty().bind(Bindings.when(search.statusProperty().isNotEmpty()).then("")
                .otherwise(Bindings.when(conversations.loadingProperty())
                        .then("Loading saved conversations…").otherwise("No saved conversations yet")));
        view.setPlaceholder(placeholder);
        view.setCellFactory(cells -> new ListCell<>() {
            {
                // As wide as the list, not as the longest name: a long name ends in "…" (whole in the
                // tooltip) instead of cut off with a sideways scroll bar under the list.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ConversationInfo info, boolean empty) {
                super.updateItem(info, empty);
                String said = empty || info == null ? "" : search.snippetOf(info.name());
                setText(empty || info == null ? null
                        : info.name() + "\n" + (!said.isEmpty() ? said
                                : info.turns() + (info.turns() == 1 ? " turn · " : " turns · ")
                                        + UPDATED.format(info.updated())));
                setTooltip(empty || info == null ? null
                        : new Tooltip(said.isEmpty() ? info.name() : info.name() + "\n" + said));
            }
        });
        view.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && selected() != null) {
                conversations.resume(selected());
            }
        });
        view.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && selected() != null) {
                conversations.resume(selected());
                focusInput.run();
            } else if (event.getCode() == KeyCode.DELETE && selected() != null) {
                delete(selected());
            } else if (event.getCode() == KeyCode.F2 && selected() != null) { // as in file managers
                rename(selected());
            }
        });
        // Opening or starting a conversation highlights it, or nothing (a new one): Delete never acts on
        // one left highlighted from before.
        conversations.currentProperty().subscribe(current -> selectOnly(view, current));
        // A save lists the conversations anew, which clears the highlight: the shown one gets it back.
        view.getItems().addListener((javafx.collections.ListChangeListener<ConversationInfo>) change -> {
            if (view.getSelectionModel().isEmpty()) {
                selectOnly(view, conversations.currentProperty().get());
            }
        });
        VBox.setVgrow(view, Priority.ALWAYS);
        return view;
    }

    /** {@code pressed} was pressed from the keyboard (Tab reached it): the keyboard goes on in the text field. */
    private void fromKeyboard(Button pressed) {
        if (pressed.isFocusVisible()) {
            focusInput.run();
        }
    }

    /** A small button acting on the selected conversation, if one is selected. */
    private Button button(String text, String tip, Consumer<String> action) {
        Button button = new Button(text);
        button.getStyleClass().add("small");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> {
            if (selected() != null) {
                action.accept(selected());
            }
        });
        return button;
    }

    /** The new name is checked as it is typed: OK waits for a valid one, so a typed name is never lost. */
    private void rename(String name) {
        TextInputDialog dialog = new TextInputDialog(name);
        dialog.initOwner(owner);
        dialog.setTitle("Rename conversation");
        dialog.setHeaderText(null);
        dialog.setContentText("New name:");
        dialog.getEditor().setPrefColumnCount(28); // the default's 12 columns cut "chat-2026-12-07-141242"
        Label problem = new Label();
        problem.setId("rename-problem");
        problem.getStyleClass().add("validation");
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        dialog.getDialogPane().setContent(new VBox(8, dialog.getDialogPane().getContent(), problem));
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        dialog.getEditor().textProperty().subscribe(typed -> {
            String trouble = typed.isBlank() ? "" : ConversationStore.nameProblem(typed).orElse("");
            problem.setText(trouble);
            ok.setDisable(typed.isBlank() || !trouble.isEmpty());
        });
        dialog.showAndWait().ifPresent(newName -> conversations.rename(name, newName));
    }

    /** Deleting removes the file and its pictures for good, so it is asked first; Cancel is the default. */
    private void delete(String name) {
        if (new Confirmation("Delete conversation", "Delete '" + name + "'?",
                "Its turns and pictures are removed for good.", "Delete", "delete-confirm", "Cancel").ask(owner)) {
            conversations.delete(name);
        }
    }

    private static void selectOnly(ListView<ConversationInfo> view, String name) {
        view.getItems().stream().filter(info -> info.name().equals(name)).findFirst().ifPresentOrElse(
                info -> view.getSelectionModel().select(info), () -> view.getSelectionModel().clearSelection());
    }

    private void export(String name) {
        if (conversations.nothingToExport(name)) { // says so before asking where to write nothing
            conversations.export(name, null);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name + ".md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            conversations.export(name, Path.of(file.getPath()));
        }
    }

    private String selected() {
        ConversationInfo info = list.getSelectionModel().getSelectedItem();
        return info == null ? null : info.name();
    }
}
