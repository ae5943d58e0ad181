package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.Tasks;
import org.junit.jupiter.api.Test;

/** What the window says of config.yaml changed in an editor while it runs. */
class ConfigFileNewsTest {

    private final Banners banners = new Banners();
    private final ConfigFileNews news = new ConfigFileNews(banners, Tasks.direct());

    @Test
    void aBrokenEditSaysWhatIsWrongAndThatTheSettingsInUseStay() {
        news.broken("/home/u/.config/parley/config.yaml line 8: tts.rate must be a number (found 'fast')");

        assertThat(banners.shown()).singleElement().satisfies(banner -> {
            assertThat(banner.level()).isEqualTo(Banner.Level.WARNING);
            assertThat(banner.message()).isEqualTo("/home/u/.config/parley/config.yaml line 8: tts.rate must be a"
                    + " number (found 'fast'). Parley goes on with the settings it had; fix the file and save it"
                    + " again.");
        });
    }

    @Test
    void aFileThatLoadsAgainClearsItsErrorAndTheLastGoodStartNotice() {
        banners.show(Banner.warning(ConfigFileNews.LAST_GOOD, "Parley started with the last settings that worked"));
        news.broken("line 8: wrong");
        banners.show(Banner.error("voice", "The voice failed."));

        news.loaded(true);

        assertThat(banners.shown()).extracting(Banner::message).containsExactly(
                "Parley now uses the settings you saved in config.yaml.", "The voice failed.");
        assertThat(banners.shown().getFirst().level()).as("goes by itself").isEqualTo(Banner.Level.CONFIRMATION);
    }

    @Test
    void parleysOwnSaveOnlyClearsWhatWasWrong() {
        news.broken("line 8: wrong");

        news.loaded(false);

        assertThat(banners.shown()).isEmpty();
    }
}
