package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Playback;
import dev.parley.audio.Speaker;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnTimings;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.text.MarkdownToSpeech;
import dev.parley.tts.SpeechSynthesizer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The voice turn as a simple assistant does it, for comparison: transcribe, wait for the whole reply,
 * synthesize all of it, then play. Each stage waits for the one before to finish.
 */
final class NaiveTurn {

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final LanguageModel model;
    private final Speaker speaker;

    NaiveTurn(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, LanguageModel model, Speaker speaker) {
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.model = model;
        this.speaker = speaker;
    }

    /** Runs one turn up to its first sample played, then stops: the rest would only take time. */
    TurnTimings run(AudioClip utterance) throws InterruptedException {
        TurnClock clock = new TurnClock();
        Conversation conversation = new Conversation("");
        conversation.addUser(recognizer.transcribe(utterance));
        clock.markSttDone();
        LlmReply reply = model.reply(conversation.messages(), new ReplyListener() {
            @Override
            public void onText(String delta) {
                clock.markFirstToken();
            }
        });
        AudioClip speech = synthesizer.synthesize(MarkdownToSpeech.toSpeech(reply.text()));
        clock.markFirstAudio();
        CountDownLatch sounding = new CountDownLatch(1);
        Playback playback = speaker.open(speech.sampleRate(), new Playback.Listener() {
            @Override
            public void started(long nanoTime) {
                clock.markFirstSound();
                sounding.countDown();
            }
        });
        playback.enqueue(speech);
        sounding.await(10, TimeUnit.SECONDS);
        playback.stop();
        return clock.finish();
    }
}
