package dev.parley.voice;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Playback;
import dev.parley.audio.Speaker;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.ReplyPipeline;
import dev.parley.pipeline.SpokenReply;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnEvent;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One answer being spoken: each chunk's audio goes to the playback queue the moment it is
 * synthesized, and {@link #silence()} stops it at once and says what the user heard.
 */
final class SpokenAnswer {

    private final ReplyPipeline replies;
    private final Speaker speaker;
    private final int sampleRate;
    /** Which chunk each piece handed to playback belongs to. */
    private final SpokenPieces pieces = new SpokenPieces();
    private final StringBuilder shownText = new StringBuilder();
    private volatile Playback playback;
    private volatile boolean silenced;
    /** Chunks complete so far (synthesis thread only). */
    private int chunkCount;
    private String heard;

    SpokenAnswer(ReplyPipeline replies, Speaker speaker, int sampleRate) {
        this.replies = replies;
        this.speaker = speaker;
        this.sampleRate = sampleRate;
    }

    /**
     * Answers the conversation's last user turn aloud and returns once the answer was heard to its
     * end. {@code speaking} runs when its first sample reaches the device. Throws an
     * {@link LlmException} of kind CANCELLED if the calling thread is interrupted (barge-in).
     *
     * @throws AudioDeviceException if the output device failed while playing
     */
    SpokenReply speak(Conversation conversation, TurnClock clock, String transcript, Consumer<VoiceEvent> events,
            Runnable speaking) throws AudioDeviceException {
        playback = speaker.open(sampleRate, new Playback.Listener() {
            @Override
            public void started(long nanoTime) {
                clock.markFirstSound();
                speaking.run();
            }

            @Override
            public void clipPlayed(int index) {
                String heard = pieces.heardAfter(index);
                if (heard != null) {
                    events.accept(new VoiceEvent.Heard(clock.turn(), heard));
                }
            }
        });
        try {
            SpokenReply reply = replies.answer(conversation, clock, transcript, event -> route(event, events));
            playback.endOfInput();
            playback.done().get();
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LlmException.cancelled("the voice", e, "");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AudioDeviceException device ? device : new IllegalStateException(e.getCause());
        } finally {
            playback.stop();
        }
    }

    private void route(TurnEvent event, Consumer<VoiceEvent> events) {
        if (silenced) {
            return; // a chunk that finished synthesizing after the barge-in: never played
        }
        if (event instanceof TurnEvent.AudioPiece piece) {
            pieces.piece(piece.chunk(), piece.piece().samples().length);
            playback.enqueue(piece.piece());
            return;
        }
        if (event instanceof TurnEvent.Audio audio) {
            pieces.chunkDone(chunkCount++, audio.text());
            return;
        }
        if (event instanceof TurnEvent.Text text) {
            synchronized (shownText) {
                shownText.append(text.delta());
            }
        }
        events.accept(new VoiceEvent.Reply(event));
    }

    /**
     * Stops the voice at once and drops what was not yet played; returns what the user heard. Without
     * an output device that is the text shown so far. Idempotent.
     */
    synchronized String silence() {
        if (heard == null) {
            silenced = true;
            Playback open = playback;
            if (open != null) {
                heard = pieces.heard(open.stop());
            } else {
                synchronized (shownText) {
                    heard = shownText.toString().strip();
                }
            }
        }
        return heard;
    }
}
