package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.pipeline.TurnRunner;
import dev.parley.audio.Speaker;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;
import dev.parley.voice.RecordedSpeech;
import dev.parley.voice.SpeakerOutput;
import dev.parley.voice.SpeechInput;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEventBus;
import dev.parley.voice.VoiceState;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.usage.Percentiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the offline voice path with the real recognizer, voice and LLM client against a
 * scripted local model of known speed: real-time factors of speech in and out, and the turn
 * waterfall over repeated turns. The questions are spoken by the voice itself, so the benchmark
 * needs no audio files and no network.
 */
public final class VoiceBench {

    /** Questions a user asks; each turn takes the next one. */
    static final List<String> QUESTIONS = List.of(
            "What is the weather like today?",
            "Set a timer for ten minutes.",
            "What time is it in Tokyo?");

    /** A five-sentence spoken reply, streamed word by word. */
    public static final String REPLY = "It is sunny and warm in the city today. The high will be twenty four degrees."
            + " A light breeze comes from the west this afternoon. Rain is not expected before the weekend."
            + " Enjoy the nice weather while it lasts.";

    /**
     * {@code sttRtf}: speech-to-text on a recognizer that has heard nothing yet; {@code sttRtfWarm}:
     * the same audio again. {@code firstTurn}: the first streaming turn after loading (cold JIT and
     * HTTP connection); the percentiles cover the turns after it.
     */
    public record Result(int turns, double sttRtf, double sttRtfWarm, double ttsRtf, TurnTimings firstTurn,
            Stages streaming, Stages naive, Percentiles stopMs) {}

    /** Each stage's p50/p95 in ms from the end of the user's speech; {@code overhead} is first sound minus the model's scripted time to first token. */
    public record Stages(Percentiles stt, Percentiles firstToken, Percentiles firstChunk, Percentiles firstAudio,
            Percentiles firstSound, Percentiles overhead, Percentiles total) {}

    private static final long TURN_TIMEOUT_SECONDS = 60;

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final Speaker speaker;

    public VoiceBench(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, Speaker speaker) {
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.speaker = speaker;
    }

    /**
     * Runs {@code turns} streaming voice turns through the turn controller, then as many naive ones,
     * against {@code model}, whose scripted time to first token is {@code firstTokenMs}. The
     * speech-to-text real-time factor is taken first, on a recognizer that has heard nothing yet (the
     * slow case: Vosk caches its decoding graph as it goes); the turns then run warm, as in a session
     * where the user has spoken before. Audio really plays on the output device.
     */
    public Result run(int turns, LanguageModel model, long firstTokenMs, TurnRunner runner, ThreadFactory threads)
            throws InterruptedException {
        List<AudioClip> questions = QUESTIONS.stream().map(this::spokenWithPause).toList();
        double sttRtf = sttRealTimeFactor(questions);
        double sttRtfWarm = sttRealTimeFactor(questions);
        double ttsRtf = ttsRealTimeFactor();
        AtomicInteger asked = new AtomicInteger();
        SpeechInput microphone = new RecordedSpeech(recognizer, () -> questions.get(asked.getAndIncrement() % questions.size()));
        List<TurnTimings> streaming = new ArrayList<>();
        List<Long> stops = new ArrayList<>();
        TurnTimings firstTurn;
        TurnController turnController = new TurnController(new VoiceEventBus(), runner, new Conversation(""), threads);
        turnController.useVoice(microphone, new SpeakerOutput(synthesizer, speaker));
        try (StreamingTurns controller = new StreamingTurns(turnController)) {
            firstTurn = controller.run(questions.get(asked.get() % questions.size()), stops);
            for (int i = 0; i < turns; i++) {
                streaming.add(controller.run(questions.get(asked.get() % questions.size()), stops));
            }
        }
        NaiveTurn naive = new NaiveTurn(recognizer, synthesizer, model, speaker);
        List<TurnTimings> naiveTimings = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            naiveTimings.add(naive.run(questions.get(i % questions.size())));
        }
        return new Result(turns, sttRtf, sttRtfWarm, ttsRtf, firstTurn, stages(streaming, firstTokenMs),
                stages(naiveTimings, firstTokenMs), Percentiles.of(stops.stream().mapToLong(Long::longValue).toArray()));
    }

    /**
     * Push-to-talk turns through the real turn controller, the recorded question spoken into streaming
     * recognition at the pace of speech while the key is held. Each runs until its whole reply is
     * synthesized (so every stage is measured), then is stopped like a barge-in: playing the rest
     * would only make the benchmark slower, and the stop's own latency is worth measuring.
     */
    private static final class StreamingTurns implements AutoCloseable {

        private final TurnController controller;
        private final LinkedBlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();

        StreamingTurns(TurnController controller) {
            this.controller = controller;
            controller.subscribe(events::add);
        }

        /** One turn in which the user holds the talk key while {@code utterance} is spoken. */
        TurnTimings run(AudioClip utterance, List<Long> stops) throws InterruptedException {
            controller.useConversation(new Conversation(""));
            events.clear();
            controller.pressToTalk();
            await(VoiceEvent.StateChanged.class, change -> change.to() == VoiceState.LISTENING);
            Thread.sleep((long) (utterance.durationSeconds() * 1000));
            controller.releaseToTalk();
            await(VoiceEvent.Reply.class, reply -> reply.event() instanceof TurnEvent.Completed);
            long stop = System.nanoTime();
            controller.stop();
            stops.add((System.nanoTime() - stop) / 1_000_000);
            VoiceEvent.Waterfall waterfall = await(VoiceEvent.Waterfall.class, any -> true);
            await(VoiceEvent.StateChanged.class, change -> change.to() == VoiceState.IDLE);
            return waterfall.timings();
        }

        private <T extends VoiceEvent> T await(Class<T> type, Predicate<T> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TURN_TIMEOUT_SECONDS);
            while (true) {
                VoiceEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new IllegalStateException("The benchmark turn got no " + type.getSimpleName() + " within "
                            + TURN_TIMEOUT_SECONDS + " s");
                }
                if (event instanceof VoiceEvent.StateChanged change && change.to() == VoiceState.ERROR) {
                    throw new IllegalStateException("The benchmark turn failed: " + change.detail());
                }
                if (type.isInstance(event) && wanted.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
        }

        @Override
        public void close() {
            controller.close();
        }
    }

    private static Stages stages(List<TurnTimings> timings, long firstTokenMs) {
        return new Stages(percentiles(timings, TurnTimings::sttMs),
                percentiles(timings, TurnTimings::llmFirstTokenMs),
                percentiles(timings, TurnTimings::firstChunkMs),
                percentiles(timings, TurnTimings::firstAudioMs),
                percentiles(timings, TurnTimings::firstSoundMs),
                percentiles(timings, t -> t.firstSoundMs() - firstTokenMs),
                percentiles(timings, TurnTimings::totalMs));
    }

    /** Speech with the pause a person leaves before and after a push-to-talk utterance. */
    private AudioClip spokenWithPause(String text) {
        AudioClip speech = synthesizer.synthesize(text);
        AudioClip pause = AudioClip.silence(0.3, speech.sampleRate());
        return AudioClip.concat(List.of(pause, speech, pause), speech.sampleRate());
    }

    private double sttRealTimeFactor(List<AudioClip> clips) {
        long start = System.nanoTime();
        double seconds = 0;
        for (AudioClip clip : clips) {
            recognizer.transcribe(clip);
            seconds += clip.durationSeconds();
        }
        return (System.nanoTime() - start) / 1e9 / seconds;
    }

    private double ttsRealTimeFactor() {
        long start = System.nanoTime();
        double seconds = 0;
        for (String sentence : REPLY.split("(?<=\\.) ")) {
            seconds += synthesizer.synthesize(sentence).durationSeconds();
        }
        return (System.nanoTime() - start) / 1e9 / seconds;
    }

    private static Percentiles percentiles(List<TurnTimings> timings, java.util.function.ToLongFunction<TurnTimings> stage) {
        return Percentiles.of(timings.stream().mapToLong(stage).toArray());
    }

    /** The reply as the scripted server streams it: one piece per word, like tokens. */
    public static String[] replyTokens() {
        String[] words = REPLY.split(" ");
        for (int i = 1; i < words.length; i++) {
            words[i] = " " + words[i];
        }
        return words;
    }
}
