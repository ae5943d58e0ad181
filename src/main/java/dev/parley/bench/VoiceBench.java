package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.pipeline.ReplyPipeline;
import dev.parley.pipeline.SpokenReply;
import dev.parley.pipeline.TurnTimings;
import dev.parley.pipeline.VoiceTurn;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.usage.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
     * the same audio again. {@code firstTurn}: the first turn after loading (cold JIT and HTTP
     * connection); the percentiles cover the turns after it.
     */
    public record Result(int turns, double sttRtf, double sttRtfWarm, double ttsRtf, TurnTimings firstTurn,
            Percentiles stt, Percentiles firstToken,
            Percentiles firstChunk, Percentiles firstAudio, Percentiles total) {}

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;

    public VoiceBench(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer) {
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
    }

    /**
     * Runs {@code turns} voice turns through pipelines made by {@code pipelineFor} around {@code model}.
     * The speech-to-text real-time factor is taken first, on a recognizer that has heard nothing yet
     * (the slow case: Vosk caches its decoding graph as it goes); the turns then run warm, as in a
     * session where the user has spoken before.
     */
    public Result run(int turns, LanguageModel model, Function<LanguageModel, ReplyPipeline> pipelineFor) {
        List<AudioClip> questions = QUESTIONS.stream().map(this::spokenWithPause).toList();
        double sttRtf = sttRealTimeFactor(questions);
        double sttRtfWarm = sttRealTimeFactor(questions);
        double ttsRtf = ttsRealTimeFactor();
        List<TurnTimings> timings = new ArrayList<>();
        TurnTimings firstTurn;
        try (ReplyPipeline replies = pipelineFor.apply(model)) {
            VoiceTurn turn = new VoiceTurn(recognizer, replies);
            firstTurn = turn.run(questions.getFirst(), new Conversation(""), event -> { }).timings();
            for (int i = 0; i < turns; i++) {
                SpokenReply reply = turn.run(questions.get(i % questions.size()), new Conversation(""), event -> { });
                timings.add(reply.timings());
            }
        }
        return new Result(turns, sttRtf, sttRtfWarm, ttsRtf, firstTurn,
                percentiles(timings, TurnTimings::sttMs),
                percentiles(timings, TurnTimings::llmFirstTokenMs),
                percentiles(timings, TurnTimings::firstChunkMs),
                percentiles(timings, TurnTimings::firstAudioMs),
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
