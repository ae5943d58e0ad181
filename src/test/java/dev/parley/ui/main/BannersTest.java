package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BannersTest {

    private final Banners banners = new Banners();

    @Test
    void aFailedTalkRepeatingTheMicrophonesProblemAddsNoSecondBanner() {
        Banner microphone = new Banner("microphone", Banner.Level.ERROR, "No audio input device found.",
                "pactl load-module module-null-sink");
        banners.show(microphone);

        banners.show(Banner.error("voice", "No audio input device found. Commands: pactl load-module module-null-sink"));

        assertThat(banners.shown()).containsExactly(microphone);
    }

    @Test
    void aConfirmationGoesByItselfAfterAFewSecondsAndAWarningStays() {
        java.util.List<Runnable> due = new java.util.ArrayList<>();
        Banners timed = new Banners((delay, task) -> {
            assertThat(delay).isEqualTo(Banners.CONFIRMATION_SHOWN);
            due.add(task);
        });
        timed.show(Banner.warning("budget", "80 % of the daily budget is spent."));
        timed.show(Banner.confirmation("welcome", "Saved: ollama answers from now on."));

        due.forEach(Runnable::run);

        assertThat(timed.shown()).extracting(Banner::key).containsExactly("budget");
    }

    @Test
    void aConfirmationsTimerDoesNotDismissTheBannerThatReplacedIt() {
        java.util.List<Runnable> due = new java.util.ArrayList<>();
        Banners timed = new Banners((delay, task) -> due.add(task));
        timed.show(Banner.confirmation("export", "Exported a to /tmp/a.md"));
        Banner failed = Banner.error("export", "Cannot write /tmp/b.md.");
        timed.show(failed);

        due.forEach(Runnable::run);

        assertThat(timed.shown()).containsExactly(failed);
    }

    @Test
    void theSameConfirmationShownAgainStaysItsFullTime() {
        java.util.List<Runnable> due = new java.util.ArrayList<>();
        Banners timed = new Banners((delay, task) -> due.add(task));
        timed.show(Banner.confirmation("config-file", "Parley now uses the settings you saved in config.yaml."));
        timed.show(Banner.confirmation("config-file", "Parley now uses the settings you saved in config.yaml."));

        due.getFirst().run(); // the first one's time is up: the second was shown since

        assertThat(timed.shown()).extracting(Banner::key).containsExactly("config-file");
    }

    @Test
    void oneBannerPerSourceAndPerMessage() {
        banners.show(Banner.error("voice", "The model failed."));
        banners.show(Banner.error("voice", "Nothing was heard."));
        banners.show(Banner.warning("provider", "Nothing was heard."));

        assertThat(banners.shown()).extracting(Banner::key).containsExactly("provider");
    }
}
