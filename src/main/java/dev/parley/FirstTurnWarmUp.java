package dev.parley;

import dev.parley.audio.DeviceList;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Walks the paths of a spoken turn once, in the background after start-up, so the user's first turn
 * does not pay for loading classes and warming code that every later turn finds ready: a short
 * sentence spoken by the voice and heard by the speech model (Vosk expands its decoding graph as it
 * hears), the chunker, the sound devices, and the answering model's client built (its classes
 * loaded). Nothing is played and nothing is sent to a provider. A turn that starts meanwhile just
 * waits for the speech model a moment, as it would have anyway.
 */
public final class FirstTurnWarmUp {

    private static final Logger LOG = LogManager.getLogger(FirstTurnWarmUp.class);
    private static final String SENTENCE = "What is the weather like today?";

    private FirstTurnWarmUp() {}

    /**
     * Starts the warm-up on a low-priority daemon thread.
     *
     * @param buildModel builds (without asking it anything) the model the first turn will use
     */
    public static void start(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, Runnable buildModel) {
        Thread warm = Thread.ofPlatform().name("parley-warm-up").daemon(true).unstarted(() -> {
            long start = System.nanoTime();
            try {
                String heard = recognizer.transcribe(synthesizer.synthesize(SENTENCE));
                SentenceChunker chunker = new SentenceChunker(SentenceChunker.Settings.defaults());
                chunker.push("It is sunny and warm. Enjoy the ");
                chunker.push("weather!");
                chunker.finish();
                DeviceList.outputs();
                buildModel.run();
                LOG.info("First turn warmed in {} ms (heard: {})", (System.nanoTime() - start) / 1_000_000, heard);
            } catch (RuntimeException e) {
                // A provider that cannot be built says why at the first turn; this was only a warm-up.
                LOG.info("Warm-up stopped early: {}", e.getMessage());
            }
        });
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }
}
