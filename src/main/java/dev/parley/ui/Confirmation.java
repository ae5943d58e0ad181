package dev.parley.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before something that cannot be taken back (a deletion, edits thrown away), waiting for the
 * answer. The choice that keeps things as they are is the default, for Enter as for Esc.
 *
 * @param title the dialog's title
 * @param question what is about to happen, as a question
 * @param detail what it means, in a sentence
 * @param act the label of the button that does it
 * @param actId that button's id (tests find it by it)
 * @param stay the label of the button that keeps things as they are
 */
public record Confirmation(String title, String question, String detail, String act, String actId, String stay) {

    /** Whether {@code act} was chosen. */
    public boolean ask(Window owner) {
        ButtonType doIt = new ButtonType(act, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(stay, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, doIt, keep);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(question);
        ((Button) alert.getDialogPane().lookupButton(doIt)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(doIt).setId(actId);
        return alert.showAndWait().filter(doIt::equals).isPresent();
    }
}
