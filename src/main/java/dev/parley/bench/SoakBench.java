package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Speaker;
import dev.parley.conversation.Conversation;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnRunner;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.RecordedSpeech;
import dev.parley.voice.SpeakerOutput;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEventBus;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The leak check: many push-to-talk turns in one process through the real turn controller, real
 * streaming recognition of a recorded question, the real voice and playback on the output device,
 * and a real LLM client over HTTP to the scripted model; each answer plays to its end. Resident
 * memory and threads are sampled every few turns. Growth is measured from the end of the warm-up
 * (the JIT, Vosk's decoding caches and the HTTP connection pool settle in the first turns), so what
 * remains is what each turn leaves behind.
 */
public final class SoakBench {

    /** Short questions and a one-sentence answer: the turn's machinery, not speech length, is what repeats. */
    static final List<String> QUESTIONS = List.of("What time is it?", "Is it going to rain?", "Tell me a joke.");
    public static final String REPLY = "It is two o'clock.";

    private static final long TURN_TIMEOUT_SECONDS = 60;

    /**
     * @param samples every sample, the first after the warm-up turns
     * @param rssGrowthPercent resident memory at the end (the median of the last three samples) over
     *     the start (the median of the first three, right after the warm-up)
     * @param threadGrowth threads at the end minus threads after the warm-up
     * @param failedTurns turns that ended in an error (the soak goes on; they are counted)
     */
    public record Result(int turns, int warmupTurns, List<ProcessSample> samples, double rssGrowthPercent,
            int threadGrowth, int failedTurns, double seconds) {}

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final Speaker speaker;

    public SoakBench(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, Speaker speaker) {
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.speaker = speaker;
    }

    /**
     * Runs {@code warmup} turns, then {@code turns}, sampling after the warm-up and every
     * {@code sampleEvery} turns; {@code progress} hears each completed turn's number.
     */
    public Result run(int warmup, int turns, int sampleEvery, TurnRunner runner, ThreadFactory threads,
            IntConsumer progress) throws InterruptedException {
        List<AudioClip> questions = QUESTIONS.stream().map(this::spokenWithPause).toList();
        AtomicInteger asked = new AtomicInteger();
        RecordedSpeech microphone = new RecordedSpeech(recognizer,
                () -> questions.get(asked.getAndIncrement() % questions.size()));
        TurnController controller = new TurnController(new VoiceEventBus(), runner, new Conversation(""), threads);
        controller.useVoice(microphone, new SpeakerOutput(synthesizer, speaker));
        LinkedBlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
        List<ProcessSample> samples = new ArrayList<>();
        int failed = 0;
        long start = System.nanoTime();
        try (controller; AutoCloseable subscription = controller.subscribe(events::add)) {
            for (int turn = 1; turn <= warmup + turns; turn++) {
                AudioClip question = questions.get(asked.get() % questions.size());
                failed += turn(controller, events, question) ? 0 : 1;
                progress.accept(turn);
                int measured = turn - warmup;
                if (measured == 0 || (measured > 0 && (measured % sampleEvery == 0 || measured == turns))) {
                    samples.add(ProcessSample.take(turn));
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception closing) {
            throw new IllegalStateException("the soak could not stop its turn controller", closing);
        }
        long before = medianRss(samples.subList(0, Math.min(3, samples.size())));
        long after = medianRss(samples.subList(Math.max(0, samples.size() - 3), samples.size()));
        double growth = before <= 0 ? Double.NaN : 100.0 * (after - before) / before;
        return new Result(turns, warmup, List.copyOf(samples), growth,
                samples.getLast().threads() - samples.getFirst().threads(), failed,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * One turn: the talk key held while {@code question} is spoken, released, the answer played to
     * its end. A fresh conversation each time, so the process's memory is not mistaken for the
     * conversation's. False when the turn ended in an error.
     */
    private static boolean turn(TurnController controller, LinkedBlockingQueue<VoiceEvent> events,
            AudioClip question) throws InterruptedException {
        controller.useConversation(new Conversation(""));
        events.clear();
        controller.pressToTalk();
        if (await(events, VoiceState.LISTENING) != VoiceState.LISTENING) {
            return false;
        }
        Thread.sleep((long) (question.durationSeconds() * 1000));
        controller.releaseToTalk();
        boolean completed = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TURN_TIMEOUT_SECONDS);
        while (true) {
            VoiceEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("a soak turn did not end within " + TURN_TIMEOUT_SECONDS + " s");
            }
            if (event instanceof VoiceEvent.Reply reply && reply.event() instanceof TurnEvent.Completed) {
                completed = true;
            }
            if (event instanceof VoiceEvent.StateChanged change && change.to() == VoiceState.ERROR) {
                return false;
            }
            if (event instanceof VoiceEvent.StateChanged change && change.to() == VoiceState.IDLE) {
                return completed;
            }
        }
    }

    /**
     * The middle resident size of a few samples: a single sample can catch a passing peak (a
     * collection, a burst of native buffers) that is gone by the next, which is not growth.
     */
    private static long medianRss(List<ProcessSample> few) {
        long[] sizes = few.stream().mapToLong(ProcessSample::rssKb).sorted().toArray();
        return sizes[sizes.length / 2];
    }

    /** The state reached first among {@code wanted} and ERROR. */
    private static VoiceState await(LinkedBlockingQueue<VoiceEvent> events, VoiceState wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TURN_TIMEOUT_SECONDS);
        while (true) {
            VoiceEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("a soak turn did not reach " + wanted + " within "
                        + TURN_TIMEOUT_SECONDS + " s");
            }
            if (event instanceof VoiceEvent.StateChanged change
                    && (change.to() == wanted || change.to() == VoiceState.ERROR)) {
                return change.to();
            }
        }
    }

    /** Speech with the pause a person leaves around a push-to-talk utterance. */
    private AudioClip spokenWithPause(String text) {
        AudioClip speech = synthesizer.synthesize(text);
        AudioClip pause = AudioClip.silence(0.2, speech.sampleRate());
        return AudioClip.concat(List.of(pause, speech, pause), speech.sampleRate());
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
