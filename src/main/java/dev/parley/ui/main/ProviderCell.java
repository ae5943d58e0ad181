package dev.parley.ui.main;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** A provider in the toolbar's switcher: name and model, with a dot for its health and the detail as tooltip. */
final class ProviderCell extends ListCell<ProviderSwitcherViewModel.Item> {

    private final Region dot = new Region();
    private final Tooltip tip = new Tooltip();
    private final ChangeListener<ProviderSwitcherViewModel.Health> repaint = (obs, old, now) -> paint(now);

    ProviderCell() {
        dot.getStyleClass().add("health-dot");
    }

    @Override
    protected void updateItem(ProviderSwitcherViewModel.Item item, boolean empty) {
        // Cells are reused for other items: stop following the previous one's health.
        ProviderSwitcherViewModel.Item previous = getItem();
        if (previous != null) {
            previous.healthProperty().removeListener(repaint);
            tip.textProperty().unbind();
        }
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setText(item.name() + " · " + item.model());
        paint(item.healthProperty().get());
        item.healthProperty().addListener(repaint);
        setGraphic(dot);
        tip.textProperty().bind(item.healthDetailProperty());
        setTooltip(tip);
    }

    private void paint(ProviderSwitcherViewModel.Health health) {
        ProviderSwitcherViewModel.Item item = getItem();
        if (item != null) { // the dot's colour in words, for a screen reader and for colour blindness
            setAccessibleText(item.name() + " · " + item.model() + switch (health) {
                case HEALTHY -> ", answering";
                case UNHEALTHY -> ", not answering";
                case UNKNOWN -> "";
            });
        }
        dot.getStyleClass().removeAll("healthy", "unhealthy");
        switch (health) {
            case HEALTHY -> dot.getStyleClass().add("healthy");
            case UNHEALTHY -> dot.getStyleClass().add("unhealthy");
            case UNKNOWN -> { }
        }
    }
}
