package dev.parley.ui.usage;

import dev.parley.ui.EscapeKey;
import dev.parley.ui.Windows;
import dev.parley.ui.Theme;
import dev.parley.usage.UsageSummary.ProviderUsage;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The usage panel: tokens, cost and latency per provider, from the usage ledger. */
public final class UsageWindow {

    private final Stage stage = new Stage();

    /** Room beside a column's title for the header's padding and its sort arrow. */
    private static final double TITLE_PADDING = 24;

    public UsageWindow(UsageViewModel model, Window owner) {
        TableView<ProviderUsage> table = new TableView<>(model.rows());
        table.setId("usage-table");
        table.setPlaceholder(new Label("No requests recorded in this period."));
        // First widths; once shown, no column is narrower than its whole title (setOnShown below).
        table.getColumns().add(column("Provider", 110, ProviderUsage::provider));
        table.getColumns().add(column("Model", 250, ProviderUsage::model));
        table.getColumns().add(number("Requests", 85, row -> Integer.toString(row.requests())));
        table.getColumns().add(number("Errors", 70, row -> Integer.toString(row.errors())));
        table.getColumns().add(number("Tokens in", 90, row -> Long.toString(row.inputTokens())));
        table.getColumns().add(number("Tokens out", 100, row -> Long.toString(row.outputTokens())));
        table.getColumns().add(number("First token p50", 135, row -> row.ttftP50Ms() < 0 ? "–" : row.ttftP50Ms() + " ms"));
        table.getColumns().add(number("Tokens/s", 85, row -> Double.isNaN(row.tokensPerSecond()) ? "–"
                : String.format(Locale.ROOT, "%.1f", row.tokensPerSecond())));
        table.getColumns().add(number("Cost", 90, row -> String.format(Locale.ROOT, "$%.4f", row.costUsd())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ComboBox<Integer> days = new ComboBox<>(FXCollections.observableArrayList(1, 7, 30, 365));
        days.setValue(model.days());
        days.setOnAction(event -> model.days(days.getValue()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> model.refresh());
        HBox top = new HBox(8, new Label("Last"), days, new Label("days"), refresh);
        top.setPadding(new Insets(10));
        top.setStyle("-fx-alignment: center-left;");
        BorderPane root = new BorderPane(table, top, null, null, null);
        BorderPane.setMargin(table, new Insets(0, 10, 10, 10));
        Scene scene = new Scene(root, 1120, 360);
        Theme.style(scene);
        EscapeKey.does(scene, stage::close); // as Settings
        // Only the shown header knows its font (the theme's): no column narrower than its whole title.
        stage.setOnShown(event -> table.lookupAll(".column-header").forEach(node -> {
            if (node instanceof TableColumnHeader header && header.lookup(".label") instanceof Label title) {
                header.getTableColumn().setMinWidth(Math.ceil(title.prefWidth(-1)) + TITLE_PADDING);
            }
        }));
        stage.initOwner(owner);
        stage.setTitle("Parley usage");
        stage.setScene(scene);
        model.refresh();
    }

    private static TableColumn<ProviderUsage, String> column(String title, double width,
            Function<ProviderUsage, String> value) {
        TableColumn<ProviderUsage, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** A column of figures, right-aligned so that their digits line up. */
    private static TableColumn<ProviderUsage, String> number(String title, double width,
            Function<ProviderUsage, String> value) {
        TableColumn<ProviderUsage, String> column = column(title, width, value);
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    public void show() {
        Windows.show(stage);
    }
}
