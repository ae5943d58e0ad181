package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import marytts.exceptions.MaryConfigurationException;
import org.junit.jupiter.api.Test;

class MaryTtsStartFailureTest {

    @Test
    void saysWhatTheFailingModuleSaidNotMaryTtsWrappers() {
        // The chain MaryTTS 5.2.1 makes of a module's failure at start (LocalMaryInterface, Mary.startup).
        Exception failure = new MaryConfigurationException("Cannot start MARY server",
                new Exception("Problem starting module PartOfSpeechTagger", new MaryConfigurationException(
                        "Parley's part-of-speech model (/dev/parley/tts/en-pos.model) is missing from its jar")));

        assertThat(MaryTtsSynthesizer.startFailure(failure)).isEqualTo("MaryTTS could not start: Parley's"
                + " part-of-speech model (/dev/parley/tts/en-pos.model) is missing from its jar");
    }

    @Test
    void keepsItsOwnMessageWhenNothingBelowSaysMore() {
        Exception failure = new MaryConfigurationException("No voices installed", new RuntimeException());

        assertThat(MaryTtsSynthesizer.startFailure(failure)).isEqualTo("MaryTTS could not start: No voices installed");
    }
}
