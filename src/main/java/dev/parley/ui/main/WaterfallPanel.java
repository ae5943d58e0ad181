package dev.parley.ui.main;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The last turn's latency waterfall: one bar per stage, drawn to scale from the end of the user's words. */
final class WaterfallPanel extends VBox {

    /** Pixels the whole turn spans. */
    private static final double WIDTH = 380.0;

    WaterfallPanel(ObservableValue<Waterfall> last) {
        setId("waterfall");
        getStyleClass().add("waterfall");
        draw(last.getValue());
        last.addListener((obs, old, now) -> draw(now));
    }

    private void draw(Waterfall waterfall) {
        getChildren().clear();
        Label title = new Label("Last turn, from the end of your words");
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        if (waterfall == null || waterfall.rows().isEmpty()) {
            getChildren().add(new Label("No turn yet."));
            return;
        }
        double scale = WIDTH / Math.max(1, waterfall.totalMs());
        for (Waterfall.Row row : waterfall.rows()) {
            Label name = new Label(row.stage());
            name.setMinWidth(110);
            Region offset = new Region();
            offset.setMinWidth(row.startMs() * scale);
            Region bar = new Region();
            bar.getStyleClass().add("waterfall-bar");
            bar.setMinWidth(Math.max(2, (row.endMs() - row.startMs()) * scale));
            Label ms = new Label(row.endMs() + " ms");
            ms.getStyleClass().add("muted");
            HBox line = new HBox(0, name, offset, bar, new Label("  "), ms);
            line.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(line);
        }
    }
}
