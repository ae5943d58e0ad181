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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The banners under the toolbar (errors, warnings, notices), each dismissible; takes no room when there are none.
 * Each banner's row is made once: one coming or going leaves the others, and the keyboard on them, where they are.
 */
final class BannerArea extends VBox {

    private final Banners banners;
    private final Map<Banner, Node> rows = new IdentityHashMap<>();

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
        Set<Banner> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        shown.addAll(banners.shown());
        rows.keySet().retainAll(shown);
        ChildNodes.replaceChanged(getChildren(),
                banners.shown().stream().map(banner -> rows.computeIfAbsent(banner, this::banner)).toList());
    }

    /** Dismissed from the keyboard, the keyboard goes on first to the banner that takes this one's place, or on below. */
    private void dismiss(Banner banner, Button close) {
        ChildNodes.keyboardOnAsTabFrom(close);
        banners.dismiss(banner);
    }

    private Node banner(Banner banner) {
        Label icon = new Label(switch (banner.level()) {
            case ERROR -> "⚠";
            case WARNING -> "!";
            case INFO -> "ℹ";
            case CONFIRMATION -> "✓";
        });
        // The symbol says what kind of news it is to the eye only: a screen reader gets the word.
        String kind = switch (banner.level()) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Notice";
            case CONFIRMATION -> "Done";
        };
        icon.setAccessibleText(kind);
        Label message = new Label(banner.message());
        message.getStyleClass().add("banner-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("✕");
        close.getStyleClass().addAll("flat", "banner-close");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setAccessibleText("Dismiss " + kind.toLowerCase(Locale.ROOT));
        close.setAccessibleHelp(banner.message()); // Tab reaches the button, not the words it dismisses
        close.setOnAction(event -> dismiss(banner, close));
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
