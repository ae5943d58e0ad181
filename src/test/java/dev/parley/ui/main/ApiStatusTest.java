package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.Tasks;
import org.junit.jupiter.api.Test;

/** What the status bar and the banners say about the control API the window serves. */
class ApiStatusTest {

    private final Banners banners = new Banners();
    private final ApiStatus status = new ApiStatus(Tasks.direct(), banners);

    @Test
    void showsTheUrlWhileServingAndTheTokenFileNotTheToken() {
        status.show(ApiState.serving("http://127.0.0.1:8765", "/data/parley/api-token"));

        assertThat(status.urlProperty().get()).isEqualTo("http://127.0.0.1:8765");
        assertThat(status.textProperty().get()).isEqualTo("API: http://127.0.0.1:8765");
        assertThat(status.tooltipProperty().get()).endsWith("with the token in /data/parley/api-token");
        assertThat(banners.shown()).isEmpty();
    }

    @Test
    void aFailedStartIsABannerAndTurningOffClearsTheText() {
        status.show(ApiState.serving("http://127.0.0.1:8765", "/data/parley/api-token"));
        status.show(ApiState.failed("The control API cannot listen on 127.0.0.1:8765 (Address already in use)."));

        assertThat(status.textProperty().get()).isEmpty();
        assertThat(status.errorProperty().get()).contains("Address already in use");
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("The control API cannot listen on 127.0.0.1:8765 (Address already in use).");

        status.show(ApiState.OFF);
        assertThat(status.textProperty().get()).isEmpty();
        assertThat(status.errorProperty().get()).isEmpty();
        assertThat(banners.shown()).as("the failure is over once the API is turned off").isEmpty();
    }
}
