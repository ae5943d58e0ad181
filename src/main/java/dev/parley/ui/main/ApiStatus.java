package dev.parley.ui.main;

import dev.parley.ui.Tasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's view of the control API the window serves when {@code api.enabled} is true: its
 * URL while it runs and a banner when it cannot start. States may arrive on any thread.
 */
public final class ApiStatus {

    static final String BANNER_KEY = "api";

    private final Tasks tasks;
    private final Banners banners;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ApiStatus(Tasks tasks, Banners banners) {
        this.tasks = tasks;
        this.banners = banners;
    }

    public void show(ApiState state) {
        tasks.onUi(() -> {
            url.set(state.url());
            text.set(state.url().isEmpty() ? "" : "API: " + state.url());
            // The path, never the token: the status bar may be on a shared screen or a screenshot.
            tooltip.set(state.url().isEmpty() ? ""
                    : "Other programs on this computer can drive Parley here with the token in " + state.tokenFile());
            error.set(state.error());
            if (state.error().isEmpty()) {
                banners.dismiss(BANNER_KEY);
            } else {
                banners.show(Banner.error(BANNER_KEY, state.error()));
            }
        });
    }

    /** The base URL while the API runs; empty when it is off or failed to start. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** "API: URL" while it runs, else empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** Why the API is not running although enabled; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
