package dev.parley.ui.main;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** F1: the window's keys, for whoever did not read the README; the talk key as Settings set it. */
final class ShortcutsHelp {

    private ShortcutsHelp() {}

    static String text(String talkKey) {
        return String.join("\n",
                "Hold " + talkKey + ": talk (anywhere but in the text field)",
                "Type a letter: start a question in the text field",
                "Enter: send the question",
                "Esc: stop the answer",
                "Ctrl+Shift+C: copy Parley's last answer",
                "Page Up / Down: scroll the conversation (from the text field)",
                "Ctrl+N: new conversation",
                "Ctrl+K: search the conversations (names and what was said); Down / Enter: to the results / open the first",
                "Enter / F2 / Delete: open / rename / delete the conversation picked in the list",
                "Ctrl+,: Settings (Ctrl+Tab switches its tabs)",
                "Tab / Shift+Tab: move between controls; Space presses the one reached",
                "F1: this list");
    }

    static void show(Window owner, ObservableStringValue talkKey) {
        Alert help = new Alert(Alert.AlertType.INFORMATION, text(talkKey.get()), ButtonType.CLOSE);
        help.initOwner(owner);
        help.setTitle("Keyboard");
        help.setHeaderText("Keyboard shortcuts");
        help.getDialogPane().setId("shortcuts");
        help.show();
    }
}
