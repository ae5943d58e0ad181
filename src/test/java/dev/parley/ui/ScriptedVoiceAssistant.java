package dev.parley.ui;

import dev.parley.conversation.Conversation;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link VoiceAssistant} that plays a scripted pipeline: push-to-talk listens and reports levels
 * and partial transcripts; release answers with a scripted reply streamed in pieces, the way the
 * real turn controller reports a turn. Tests may also emit any event themselves.
 */
public final class ScriptedVoiceAssistant implements VoiceAssistant {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The pictures each typed question showed, in order. */
    public final List<List<dev.parley.image.TurnImage>> shownImages = new CopyOnWriteArrayList<>();
    private final List<Consumer<VoiceEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile VoiceState state = VoiceState.IDLE;
    private volatile Conversation conversation = new Conversation("You are a test.");
    private long turn;
    public String heardWords = "what is twelve times seven";
    public List<String> replyPieces = List.of("Twelve ", "times seven ", "is ", "eighty-four.");

    @Override
    public AutoCloseable subscribe(Consumer<VoiceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public VoiceState state() {
        return state;
    }

    @Override
    public void pressToTalk() {
        calls.add("press");
        turn++;
        move(VoiceState.LISTENING, "");
        emit(new VoiceEvent.Level(-30));
        emit(new VoiceEvent.PartialTranscript(turn, "what is twelve"));
    }

    @Override
    public void releaseToTalk() {
        calls.add("release");
        move(VoiceState.TRANSCRIBING, "");
        emit(new VoiceEvent.FinalTranscript(turn, heardWords));
        answer(heardWords);
    }

    @Override
    public void ask(String text, boolean spoken, java.util.List<dev.parley.image.TurnImage> images) {
        calls.add("ask:" + text);
        shownImages.add(List.copyOf(images));
        turn++;
        answer(text);
    }

    @Override
    public void say(String text) {
        calls.add("say:" + text);
    }

    @Override
    public boolean speaks() {
        return true;
    }

    /** The whole answer to {@code userText}, as the controller would report it. */
    public void answer(String userText) {
        move(VoiceState.THINKING, "");
        emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, userText, "scripted")));
        emit(new VoiceEvent.Reply(new TurnEvent.Reasoning(turn, "The user wants a product.")));
        emit(new VoiceEvent.Reply(new TurnEvent.ToolCallStarted(turn, "calculate", "{\"expression\":\"12*7\"}")));
        emit(new VoiceEvent.Reply(new TurnEvent.ToolCallFinished(turn, "calculate", "{\"expression\":\"12*7\"}", "84")));
        boolean first = true;
        StringBuilder reply = new StringBuilder();
        for (String piece : replyPieces) {
            emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, piece)));
            reply.append(piece);
            if (first) {
                move(VoiceState.SPEAKING, "");
                first = false;
            }
        }
        emit(new VoiceEvent.Heard(turn, reply.toString()));
        conversation.addUser(userText);
        conversation.addAssistant(reply.toString());
        TurnTimings timings = new TurnTimings(310, 820, 900, 1250, 1290, 2400);
        emit(new VoiceEvent.Reply(new TurnEvent.Completed(turn, reply.toString(), "The user wants a product.",
                "scripted", 42, 9)));
        emit(new VoiceEvent.Waterfall(turn, timings));
        move(VoiceState.IDLE, "");
    }

    @Override
    public void stop() {
        calls.add("stop");
    }

    @Override
    public void setHandsFree(boolean on) {
        calls.add("hands-free:" + on);
    }

    @Override
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public void useConversation(Conversation conversation) {
        calls.add("use-conversation");
        this.conversation = conversation;
    }

    public long turn() {
        return turn;
    }

    public long nextTurn() {
        return ++turn;
    }

    public void move(VoiceState to, String detail) {
        VoiceState from = state;
        state = to;
        emit(new VoiceEvent.StateChanged(from, to, turn, detail));
    }

    public void emit(VoiceEvent event) {
        for (Consumer<VoiceEvent> listener : new ArrayList<>(listeners)) {
            listener.accept(event);
        }
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
