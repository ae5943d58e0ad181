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
    void oneBannerPerSourceAndPerMessage() {
        banners.show(Banner.error("voice", "The model failed."));
        banners.show(Banner.error("voice", "Nothing was heard."));
        banners.show(Banner.warning("provider", "Nothing was heard."));

        assertThat(banners.shown()).extracting(Banner::key).containsExactly("provider");
    }
}
