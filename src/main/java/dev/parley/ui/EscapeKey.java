package dev.parley.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Esc does a window's one Esc action (stop the answer, close the panel) wherever the keyboard is. An
 * accelerator or a cancel button hears it only when the focused control lets it pass, and a list
 * or table keeps it (to cancel an edit that is not there): Esc on the conversations or providers
 * list did nothing. A dropdown that is open, or a cell being edited, still takes it first.
 */
public final class EscapeKey {

    /** Marks a text field whose own Esc empties it (a search); see {@link #emptiesFirst}. */
    private static final String EMPTIES_FIRST = "parley.escape.empties-first";

    private EscapeKey() {}

    /**
     * Esc in {@code field} goes to the field while it holds text (its own handler empties it, as a
     * search field's does), and to the window's action once it is empty.
     */
    public static void emptiesFirst(TextInputControl field) {
        field.getProperties().put(EMPTIES_FIRST, Boolean.TRUE);
    }

    public static void does(Scene scene, Runnable action) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !event.isShortcutDown() && !event.isAltDown()
                    && !event.isShiftDown() && !event.isControlDown() && !wantsItItself(scene.getFocusOwner())) {
                event.consume();
                action.run();
            }
        });
    }

    private static boolean wantsItItself(Node focus) {
        return focus instanceof ComboBoxBase<?> box && box.isShowing()
                || focus instanceof ListView<?> list && list.getEditingIndex() >= 0
                || focus instanceof TableView<?> table && table.getEditingCell() != null
                || focus instanceof TextInputControl field && field.getProperties().containsKey(EMPTIES_FIRST)
                        && !field.getText().isEmpty();
    }
}
