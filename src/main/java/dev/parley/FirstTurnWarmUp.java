package dev.parley;

import dev.parley.audio.AudioClip;
import dev.parley.audio.DeviceList;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Walks the paths of a spoken turn once, after start-up, so the user's first turn does not pay for
 * loading classes and compiling code that every later turn finds ready: a short sentence spoken by
 * the voice and heard by the speech model (Vosk expands its decoding graph as it hears), the
 * chunker, the sound devices, the answering model's client built (in the window also whether its
 * model can see, which an Ollama is asked once over {@code /api/show}), and one streamed reply through
 * a client of the same kind from a scripted model on the loopback interface (the HTTP client, JSON
 * and streaming code of the provider's protocol: the first turn's model call used to take ~2 s longer
 * than later ones). Nothing is played and no prompt is sent to a provider. The speech model hears the
 * sentence only if no one is speaking to it: a hands-free microphone listens from Ready and holds it
 * until the user's first utterance ends, and the rest of the warm-up must not wait for that.
 */
public final class FirstTurnWarmUp {

    private static final Logger LOG = LogManager.getLogger(FirstTurnWarmUp.class);
    private static final String SENTENCE = "What is the weather like today?";

    private FirstTurnWarmUp() {}

    /**
     * Runs the warm-up on a low-priority daemon thread; a turn that starts meanwhile just waits for
     * the speech model a moment.
     *
     * @param buildModel builds (without asking it anything) the model the first turn will use
     */
    public static void start(Components components, Runnable buildModel) {
        startInBackground(() -> run(components, buildModel));
    }

    /**
     * Warms only the voice, on a low-priority daemon thread: it speaks the sentence to nothing. For
     * {@code chat} and {@code serve}, whose voice loop listens at once and holds the speech model
     * until the user's first utterance ends: the whole warm-up would wait there, then run beside the
     * first answer.
     */
    public static void startVoice(Components components) {
        startInBackground(() -> {
            try {
                speak(components.synthesizer());
            } catch (RuntimeException e) {
                LOG.info("Voice warm-up stopped early: {}", e.getMessage()); // the first answer says why
            }
        });
    }

    /**
     * Speaks the warm-up sentence with {@code voice}, to nothing: its first answer is then as quick as
     * later ones, and a voice that loads but cannot speak throws here.
     */
    public static AudioClip speak(SpeechSynthesizer voice) {
        return voice.synthesize(SENTENCE);
    }

    private static void startInBackground(Runnable warmUp) {
        Thread warm = Thread.ofPlatform().name("parley-warm-up").daemon(true).unstarted(warmUp);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** Runs the warm-up on this thread; returns how long it took in ms. */
    public static long run(Components components, Runnable buildModel) {
        long start = System.nanoTime();
        try {
            String heard = components.recognizer().transcribeIfIdle(speak(components.synthesizer()))
                    .orElse("nothing, the microphone was listening");
            SentenceChunker chunker = new SentenceChunker(SentenceChunker.Settings.defaults());
            chunker.push("It is sunny and warm. Enjoy the ");
            chunker.push("weather!");
            chunker.finish();
            DeviceList.outputs();
            buildModel.run();
            streamScriptedReply(components);
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("First turn warmed in {} ms (heard: {})", ms, heard);
            return ms;
        } catch (RuntimeException e) {
            // A provider that cannot be built says why at the first turn; this was only a warm-up.
            LOG.info("Warm-up stopped early: {}", e.getMessage());
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static void streamScriptedReply(Components components) {
        LlmConfig llm = components.config().llm();
        ProviderConfig active = llm.providers().get(llm.active());
        ProviderType type = active == null ? null : active.type();
        Protocol protocol = type == null ? null : switch (type) {
            case OLLAMA -> Protocol.OLLAMA;
            case OPENAI, OPENAI_COMPATIBLE -> Protocol.OPENAI;
            default -> null; // Anthropic and Gemini clients insist on a key; embedded runs in process
        };
        if (protocol == null) {
            return;
        }
        try (ScriptedLlmServer local = new ScriptedLlmServer(protocol, Reply.of("Ready", "."))) {
            ProviderType kind = protocol == Protocol.OPENAI ? ProviderType.OPENAI_COMPATIBLE : ProviderType.OLLAMA;
            components.unguardedModel("warm-up", new ProviderConfig(kind, local.baseUrl(), "warm-up", null, null, null, 10))
                    .reply(List.of(Message.system("Answer briefly."), Message.user("Hello")), delta -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback server for the warm-up", e);
        }
    }
}
