package dev.parley;

import dev.parley.audio.DeviceList;
import dev.parley.config.ParleyConfig;
import dev.parley.config.TtsConfig;
import dev.parley.live.SpeechPartLoader;
import dev.parley.live.SwappableSpeechInput;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.stt.VoskRecognizer;
import dev.parley.tts.MaryTtsSynthesizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.MicrophoneSpeech;
import dev.parley.voice.TalkOverLink;
import dev.parley.voice.SpeakerOutput;
import dev.parley.voice.SpeechOutput;
import dev.parley.voice.VoiceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The real speech parts a saved config swaps in while Parley runs (Vosk, MaryTTS, Java Sound), made
 * as {@link SpeechParts} makes the first ones: speakers and microphones share its echo cancellation,
 * so the microphone's echo reference follows the output device.
 */
final class LiveSpeechParts implements SpeechPartLoader {

    private final SpeechParts speech;
    /** Where a microphone reports its level and problems: the assistant's event stream. */
    private final Consumer<VoiceEvent> events;

    LiveSpeechParts(SpeechParts speech, Consumer<VoiceEvent> events) {
        this.speech = speech;
        this.events = events;
    }

    @Override
    public SpeechRecognizer speechModel(Path folder) {
        return VoskRecognizer.load(folder);
    }

    @Override
    public SpeechSynthesizer voice(TtsConfig tts) {
        SpeechSynthesizer voice = MaryTtsSynthesizer.start(tts.voice(), tts.rate(), tts.volume());
        try {
            // Swapped in only once it has spoken: the next answer is not the slower first one, and a
            // voice that loads but cannot speak is reported while the one in use stays.
            FirstTurnWarmUp.speak(voice);
            return voice;
        } catch (RuntimeException e) {
            voice.close();
            throw e;
        }
    }

    @Override
    public void checkOutputDevice(String name) {
        DeviceList.checkOutput(name);
    }

    @Override
    public void checkInputDevice(String name) {
        DeviceList.checkInput(name);
    }

    @Override
    public SpeechOutput output(SpeechSynthesizer voice, String name) {
        return new SpeakerOutput(voice, speech.speaker(name),
                speech.config().voice().wakeSound());
    }

    @Override
    public SwappableSpeechInput.Part input(ParleyConfig config, SpeechRecognizer recognizer) {
        MicrophoneSpeech microphone = new MicrophoneSpeech(
                listener -> speech.openMicrophone(config.audio().inputDevice(), listener),
                Duration.ofMillis(config.audio().endOfSpeechSilenceMs()), recognizer, events,
                speech::listensWhileSpeaking,
                config.voice().wakeWord(),
                Duration.ofMillis(config.audio().bargeInMinMs()),
                new TalkOverLink(speech.echoCancellation()::leaksOwnVoice, speech.ducking()::voiceOver));
        return new SwappableSpeechInput.Part(microphone, microphone);
    }
}
