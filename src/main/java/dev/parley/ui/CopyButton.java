package dev.parley.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * A button that puts shell commands on the clipboard, shown only while there are some: how the window
 * and the welcome offer a device's fix rather than a wall of shell text.
 */
public final class CopyButton {

    private CopyButton() {}

    /** {@code label} before, {@code done} once copied; the commands in its tooltip. */
    public static Button of(ObservableStringValue commands, String label, String done) {
        Button copy = new Button(label);
        copy.visibleProperty().bind(Bindings.isNotEmpty(commands));
        copy.managedProperty().bind(copy.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(commands);
        copy.setTooltip(tip);
        copy.setOnAction(event -> {
            toClipboard(commands.get() + "\n");
            copy.setText(done);
        });
        return copy;
    }

    /** Puts {@code text} on the system clipboard, as plain text; on the JavaFX thread. */
    public static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
