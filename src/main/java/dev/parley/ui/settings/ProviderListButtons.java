package dev.parley.ui.settings;

import dev.parley.ui.Sizing;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Add and Remove under the provider list. Remove is off for the active provider; a disabled button
 * shows no tooltip, so why it is off is written under it.
 */
final class ProviderListButtons {

    private ProviderListButtons() {}

    static VBox of(ProviderRows providers) {
        Button add = new Button("Add");
        add.setId("provider-add");
        add.setOnAction(event -> providers.add());
        Button remove = new Button("Remove");
        remove.setId("provider-remove");
        remove.setOnAction(event -> providers.removeSelected());
        remove.disableProperty().bind(providers.removableBinding().not());
        remove.setTooltip(new Tooltip("Remove the selected provider from the list"));
        Label why = new Label();
        why.setId("provider-remove-why");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        why.setMaxWidth(170);
        why.setMinHeight(Region.USE_PREF_SIZE); // whole, not cut to "…": the list gives way
        why.textProperty().bind(providers.removeRefusalBinding());
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        return new VBox(6, new HBox(6, Sizing.whole(add), Sizing.whole(remove)), why);
    }
}
