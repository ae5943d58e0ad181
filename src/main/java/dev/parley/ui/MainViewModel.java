package dev.parley.ui;

import dev.parley.audio.LevelMeter;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The main window's state, fed by the {@link VoiceAssistant}'s events: the voice state, the
 * microphone level, the partial transcript, the transcript with streaming answers, the last
 * turn's waterfall, start-up progress and error banners. Holds no controls; every event is handed
 * to the UI thread through {@link Tasks}.
 */
public final class MainViewModel implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(MainViewModel.class);

    private final VoiceAssistant assistant;
    private final Tasks tasks;
    private final Banners banners;
    private final AutoCloseable subscription;

    private final ReadOnlyObjectWrapper<VoiceState> state = new ReadOnlyObjectWrapper<>(VoiceState.IDLE);
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper partialTranscript = new ReadOnlyStringWrapper("");
    private final ObservableList<TranscriptEntry> transcript = FXCollections.observableArrayList();
    private final ObservableList<TranscriptEntry> transcriptView = FXCollections.unmodifiableObservableList(transcript);
    private final ReadOnlyObjectWrapper<Waterfall> lastWaterfall = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper answeredBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper speechReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper loadMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper talking = new ReadOnlyBooleanWrapper(false);
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final BooleanBinding busy;
    private Consumer<TurnEvent.Completed> onCompleted = completed -> { };

    public MainViewModel(VoiceAssistant assistant, Tasks tasks, Banners banners) {
        this.assistant = assistant;
        this.tasks = tasks;
        this.banners = banners;
        this.busy = Bindings.createBooleanBinding(() -> switch (state.get()) {
            case TRANSCRIBING, THINKING, SPEAKING -> true;
            default -> false;
        }, state);
        state.addListener((obs, old, now) -> updateStatus());
        speechReady.addListener((obs, old, now) -> updateStatus());
        loadMessage.addListener((obs, old, now) -> updateStatus());
        updateStatus();
        this.subscription = assistant.subscribe(event -> tasks.onUi(() -> handle(event)));
    }

    /** Runs the start-up steps one after another in the background; typed input works meanwhile. */
    public void load(List<LoadStep> steps) {
        if (steps.isEmpty()) {
            speechReady.set(true);
            return;
        }
        loadStep(steps, 0);
    }

    private void loadStep(List<LoadStep> steps, int index) {
        if (index == steps.size()) {
            loadProgress.set(1);
            loadMessage.set("");
            speechReady.set(true);
            LOG.info("Ready: speech model and voice loaded {} ms after the JVM started", Desktop.sinceJvmStart());
            return;
        }
        LoadStep step = steps.get(index);
        loadMessage.set("Loading " + step.label() + "…");
        loadProgress.set((double) index / steps.size());
        tasks.run(() -> {
            step.work().run();
            return null;
        }, done -> loadStep(steps, index + 1), failure -> {
            loadMessage.set("");
            loadProgress.set(1);
            banners.show(Banner.error("load", "Could not load the " + step.label() + ": " + message(failure)
                    + " Typed questions still work; fix it in Settings and restart Parley."));
        });
    }

    /** Called when a turn is complete (e.g. to save the conversation). */
    public void onCompleted(Consumer<TurnEvent.Completed> listener) {
        this.onCompleted = listener;
    }

    // --- actions -------------------------------------------------------------------------------

    public void pressToTalk() {
        if (!speechReady.get()) {
            banners.show(Banner.warning("ptt", "The speech model is still loading: type your question meanwhile."));
            return;
        }
        if (talking.get()) {
            return;
        }
        talking.set(true);
        partialTranscript.set("");
        assistant.pressToTalk();
    }

    public void releaseToTalk() {
        if (!talking.get()) {
            return;
        }
        talking.set(false);
        level.set(0);
        assistant.releaseToTalk();
    }

    /** Sends the typed text (if any) as a turn. */
    public void send() {
        String text = input.get() == null ? "" : input.get().strip();
        if (text.isEmpty()) {
            return;
        }
        input.set("");
        transcript.add(new TranscriptEntry(TranscriptEntry.Role.USER, -1, text));
        assistant.ask(text);
    }

    public void stop() {
        assistant.stop();
    }

    /** Listens without the talk key (or stops doing so) from now on, as Settings saved it. */
    public void setHandsFree(boolean on) {
        assistant.setHandsFree(on);
    }

    /** Shows a conversation that was resumed or started: its turns replace the transcript. */
    public void showTurns(List<dev.parley.conversation.Turn> turns) {
        transcript.clear();
        for (dev.parley.conversation.Turn turn : turns) {
            boolean user = turn.role() == dev.parley.conversation.Message.Role.USER;
            TranscriptEntry entry = new TranscriptEntry(user ? TranscriptEntry.Role.USER : TranscriptEntry.Role.ASSISTANT,
                    -1, turn.text());
            if (!user) {
                entry.setReasoning(turn.reasoning());
                if (turn.interrupted()) {
                    entry.markInterrupted();
                }
            }
            transcript.add(entry);
        }
        lastWaterfall.set(null);
    }

    // --- events --------------------------------------------------------------------------------

    void handle(VoiceEvent event) {
        switch (event) {
            case VoiceEvent.StateChanged changed -> {
                state.set(changed.to());
                if (changed.to() == VoiceState.ERROR) {
                    banners.show(Banner.error("voice", changed.detail().isBlank() ? "Something went wrong." : changed.detail()));
                } else if (changed.to() == VoiceState.LISTENING) {
                    banners.dismiss("voice");
                    banners.dismiss("heard");
                }
                if (changed.to() != VoiceState.LISTENING) {
                    level.set(0);
                }
            }
            case VoiceEvent.Level sample -> level.set(LevelMeter.meterLevel(sample.dbfs()));
            case VoiceEvent.MicrophoneStatus microphone -> {
                if (microphone.working()) {
                    banners.dismiss("microphone");
                } else {
                    banners.show(Banner.error("microphone", microphone.problem()));
                }
            }
            case VoiceEvent.PartialTranscript partial -> partialTranscript.set(partial.text());
            case VoiceEvent.FinalTranscript done -> {
                partialTranscript.set("");
                if (done.text().isBlank()) {
                    banners.show(Banner.warning("heard", "Nothing was recognized: hold the talk key while you speak,"
                            + " and check the input device in Settings."));
                }
            }
            case VoiceEvent.Reply reply -> handle(reply.event());
            case VoiceEvent.Heard heard -> { }
            case VoiceEvent.Interrupted cut -> {
                TranscriptEntry entry = assistantEntry(cut.turn(), false);
                if (entry != null) {
                    if (!cut.heard().isBlank()) {
                        entry.setText(cut.heard());
                    }
                    entry.markInterrupted();
                }
            }
            case VoiceEvent.Waterfall waterfall -> lastWaterfall.set(Waterfall.of(waterfall.timings()));
        }
    }

    private void handle(TurnEvent event) {
        switch (event) {
            case TurnEvent.Started started -> {
                banners.dismiss("turn");
                banners.dismiss("voice");
                banners.dismiss("heard");
                userEntry(started.turn(), started.userText());
                assistantEntry(started.turn(), true).streaming(true);
            }
            case TurnEvent.Text text -> assistantEntry(text.turn(), true).appendText(text.delta());
            case TurnEvent.Reasoning reasoning -> assistantEntry(reasoning.turn(), true).appendReasoning(reasoning.delta());
            case TurnEvent.ToolCallStarted call ->
                    assistantEntry(call.turn(), true).addToolCall(call.tool() + " " + compact(call.arguments()) + " …");
            case TurnEvent.ToolCallFinished call -> assistantEntry(call.turn(), true)
                    .replaceLastToolCall(call.tool() + " " + compact(call.arguments()) + " → " + compact(call.result()));
            case TurnEvent.Chunk chunk -> { }
            case TurnEvent.Audio audio -> { }
            case TurnEvent.AudioPiece piece -> { }
            case TurnEvent.Completed completed -> {
                TranscriptEntry entry = assistantEntry(completed.turn(), true);
                if (entry.text().isEmpty()) {
                    entry.setText(completed.reply());
                }
                if (completed.reasoning() != null && entry.reasoning().isEmpty()) {
                    entry.setReasoning(completed.reasoning());
                }
                entry.streaming(false);
                answeredBy.set(completed.provider());
                if (completed.timings() != null && lastWaterfall.get() == null) {
                    lastWaterfall.set(Waterfall.of(completed.timings()));
                }
                onCompleted.accept(completed);
            }
            case TurnEvent.Failed failed -> {
                TranscriptEntry entry = assistantEntry(failed.turn(), false);
                if (entry != null) {
                    if (failed.partialAnswer().isBlank() && entry.text().isBlank()) {
                        transcript.remove(entry);
                    } else {
                        entry.markInterrupted();
                    }
                    entry.markFailed();
                }
                banners.show(Banner.error("turn", failed.message()));
            }
        }
    }

    private void userEntry(long turn, String text) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = transcript.get(i);
            if (entry.role() == TranscriptEntry.Role.USER && entry.turn() == -1 && entry.text().equals(text)) {
                entry.turn(turn);
                return;
            }
            if (entry.turn() == turn && entry.role() == TranscriptEntry.Role.USER) {
                return;
            }
        }
        transcript.add(new TranscriptEntry(TranscriptEntry.Role.USER, turn, text));
        lastWaterfall.set(null);
    }

    private TranscriptEntry assistantEntry(long turn, boolean create) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = transcript.get(i);
            if (entry.role() == TranscriptEntry.Role.ASSISTANT && entry.turn() == turn) {
                return entry;
            }
        }
        if (!create) {
            return null;
        }
        TranscriptEntry entry = new TranscriptEntry(TranscriptEntry.Role.ASSISTANT, turn, "");
        transcript.add(entry);
        return entry;
    }

    private static String compact(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine;
    }

    static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private void updateStatus() {
        String text = switch (state.get()) {
            case IDLE -> speechReady.get() ? "Ready" : loadMessage.get().isEmpty() ? "Ready (typing only)"
                    : loadMessage.get() + " You can type meanwhile.";
            case LISTENING -> "Listening…";
            case TRANSCRIBING -> "Transcribing…";
            case THINKING -> "Thinking…";
            case SPEAKING -> "Speaking";
            case INTERRUPTED -> "Stopped";
            case ERROR -> "Error";
        };
        statusText.set(text);
    }

    // --- properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<VoiceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty partialTranscriptProperty() {
        return partialTranscript.getReadOnlyProperty();
    }

    public ObservableList<TranscriptEntry> transcript() {
        return transcriptView;
    }

    public ReadOnlyObjectProperty<Waterfall> lastWaterfallProperty() {
        return lastWaterfall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answeredByProperty() {
        return answeredBy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty speechReadyProperty() {
        return speechReady.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadMessageProperty() {
        return loadMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty talkingProperty() {
        return talking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    /** The typed input, bound two-way to the text field. */
    public StringProperty inputProperty() {
        return input;
    }

    public Banners banners() {
        return banners;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
    }
}
