package dev.parley.ui.main;

import dev.parley.ui.CopyButton;
import dev.parley.ui.Sizing;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.Locale;

/** The banners under the toolbar (errors, warnings, notices), each dismissible; takes no room when there are none. */
final class BannerArea extends VBox {

    private final Banners banners;

    BannerArea(Banners banners) {
        this.banners = banners;
        setId("banners");
        getStyleClass().add("banners");
        banners.shown().addListener((ListChangeListener<Banner>) change -> show());
        visibleProperty().bind(Bindings.isNotEmpty(banners.shown()));
        managedProperty().bind(visibleProperty());
        show();
    }

    private void show() {
        getChildren().setAll(banners.shown().stream().map(this::banner).toList());
    }

    private Node banner(Banner banner) {
        Label icon = new Label(switch (banner.level()) {
            case ERROR -> "⚠";
            case WARNING -> "!";
            case INFO -> "ℹ";
            case CONFIRMATION -> "✓";
        });
        Label message = new Label(banner.message());
        message.getStyleClass().add("banner-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setAccessibleText("Dismiss");
        close.setOnAction(event -> banners.dismiss(banner));
        HBox box = new HBox(icon, message, close);
        if (!banner.commands().isEmpty()) { // the fix as commands to paste in a terminal, not a wall of shell text
            Button copy = CopyButton.of(new javafx.beans.property.SimpleStringProperty(banner.commands()),
                    "Copy commands", "Copied");
            copy.getStyleClass().add("small");
            box.getChildren().add(2, Sizing.whole(copy)); // the message gives way, not the button's label
        }
        if (banner.action() != Banner.Action.NONE) {
            Button act = new Button(banner.action().label());
            act.getStyleClass().addAll("small", "accent");
            act.setOnAction(event -> banner.action().run().run());
            box.getChildren().add(2, Sizing.whole(act));
        }
        box.getStyleClass().addAll("banner", banner.level().name().toLowerCase(Locale.ROOT));
        return box;
    }
}
