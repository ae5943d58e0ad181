package dev.parley.ui.main;

import dev.parley.audio.LevelMeter;
import dev.parley.conversation.Turn;
import dev.parley.image.ImagePreparer;
import dev.parley.image.TurnImage;
import dev.parley.pipeline.TurnEvent;
import dev.parley.ui.Tasks;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The main window's state, fed by the {@link VoiceAssistant}'s events: the voice state, the
 * microphone level, the partial transcript, the transcript (kept by {@link Transcript}), the last
 * turn's waterfall, start-up progress and error banners. Holds no controls; every event is handed
 * to the UI thread through {@link Tasks}.
 */
public final class MainViewModel implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(MainViewModel.class);

    private final VoiceAssistant assistant;
    private final Tasks tasks;
    private final Banners banners;
    private final Attachments attachments;
    private final AutoCloseable subscription;

    private final ReadOnlyObjectWrapper<VoiceState> state = new ReadOnlyObjectWrapper<>(VoiceState.IDLE);
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper partialTranscript = new ReadOnlyStringWrapper("");
    private final Transcript transcript = new Transcript();
    private final ReadOnlyObjectWrapper<Waterfall> lastWaterfall = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper answeredBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper speechReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper loadMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper talking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(false);
    /** Hands-free as configured; muting suspends it without forgetting it. */
    private boolean handsFree;
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final BooleanBinding busy;
    private final List<Consumer<TurnEvent.Completed>> onCompleted = new ArrayList<>();
    private final List<Runnable> onTurnEnded = new ArrayList<>();
    /** A start-up step failed and nothing has tried again since; a saved config does ({@link #retryLoad}). */
    private boolean loadFailed;

    public MainViewModel(VoiceAssistant assistant, Tasks tasks, Banners banners) {
        this(assistant, tasks, banners, new Attachments(new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE), 4, tasks,
                banners));
    }

    /** {@code attachments}: the pictures the next typed question shows the model. */
    public MainViewModel(VoiceAssistant assistant, Tasks tasks, Banners banners, Attachments attachments) {
        this.attachments = attachments;
        this.assistant = assistant;
        this.tasks = tasks;
        this.banners = banners;
        this.busy = Bindings.createBooleanBinding(() -> switch (state.get()) {
            case TRANSCRIBING, THINKING, SPEAKING -> true;
            default -> false;
        }, state);
        state.addListener((obs, old, now) -> updateStatus());
        speechReady.addListener((obs, old, now) -> updateStatus());
        muted.addListener((obs, old, now) -> updateStatus());
        loadMessage.addListener((obs, old, now) -> updateStatus());
        updateStatus();
        this.subscription = assistant.subscribe(MeterGate.inFrontOf(level, state, event -> tasks.onUi(() -> handle(event))));
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
            speechReady.set(true); // ParleyApp logs how long the start took
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
            loadFailed = true;
            LOG.warn("Could not load the {}: {}", step.label(), dev.parley.secrets.Redaction.clean(Tasks.message(failure)));
            banners.show(Banner.failure("load", "Could not load the " + step.label() + ": ", failure,
                    " Typed questions still work; fix it in Settings and Parley tries again when you save."));
        });
    }

    /**
     * Runs {@code steps} if the start-up failed: a saved config may have fixed what was wrong (a speech
     * model folder, a voice, a device), so the user need not restart. Does nothing while loading or
     * once ready.
     */
    public void retryLoad(List<LoadStep> steps) {
        if (!loadFailed) {
            return;
        }
        loadFailed = false;
        banners.dismiss("load");
        load(steps);
    }

    /** Adds a listener of completed turns (to know a provider answered); FX thread. */
    public void onCompleted(Consumer<TurnEvent.Completed> listener) {
        onCompleted.add(listener);
    }

    /** Adds a listener of every answered turn's end, completed, stopped or failed (to save); FX thread. */
    public void onTurnEnded(Runnable listener) {
        onTurnEnded.add(listener);
    }

    // --- actions -------------------------------------------------------------------------------

    public void pressToTalk() {
        if (muted.get()) {
            banners.show(Banner.warning("muted", "The microphone is muted: unmute it in the tray icon's menu to talk."));
            return;
        }
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

    /** Sends the typed text (if any) as a turn, showing the model the attached pictures. */
    public void send() {
        String text = input.get() == null ? "" : input.get().strip();
        if (text.isEmpty()) {
            return;
        }
        input.set("");
        List<TurnImage> images = attachments.take();
        transcript.typed(text, images);
        assistant.ask(text, true, images);
    }

    public Attachments attachments() {
        return attachments;
    }

    public void stop() {
        assistant.stop();
    }

    /** Listens without the talk key (or stops doing so) from now on, as Settings saved it; not while muted. */
    public void setHandsFree(boolean on) {
        handsFree = on;
        if (!muted.get()) {
            assistant.setHandsFree(on);
        }
    }

    /** Records hands-free as loaded from the config (the voice loop starts with it) without applying it. */
    public void handsFreeConfigured(boolean on) {
        handsFree = on;
    }

    /**
     * Muted, Parley refuses to listen: push-to-talk shows why, hands-free pauses and what is being
     * heard now is dropped. The microphone device itself stays open (the pre-roll keeps filling), so
     * unmuting listens at once. An answer being spoken goes on.
     */
    public void setMuted(boolean on) {
        if (muted.get() == on) {
            return;
        }
        muted.set(on);
        if (on) {
            assistant.setHandsFree(false);
            if (talking.get() || state.get() == VoiceState.LISTENING) {
                talking.set(false);
                level.set(0);
                assistant.stop();
            }
        } else {
            banners.dismiss("muted");
            assistant.setHandsFree(handsFree);
        }
    }

    /** Shows a conversation that was resumed or started: its turns replace the transcript. */
    public void showTurns(List<Turn> turns) {
        transcript.show(turns);
        lastWaterfall.set(null);
    }

    // --- events --------------------------------------------------------------------------------

    void handle(VoiceEvent event) {
        switch (event) {
            case VoiceEvent.StateChanged changed -> {
                state.set(changed.to());
                if (changed.to() == VoiceState.ERROR) {
                    banners.show(Banner.error("voice", changed.detail().isBlank() ? "Something went wrong." : changed.detail()));
                } else if (changed.to() == VoiceState.IDLE && !changed.detail().isBlank()) {
                    // the turn ended but not as asked: nothing recognized, or answered without sound
                    banners.show(Banner.warning("voice", changed.detail()));
                } else if (changed.to() == VoiceState.LISTENING) {
                    banners.dismiss("voice");
                }
                level.set(changed.to() == VoiceState.LISTENING ? level.get() : 0); // the meter rests between turns
            }
            case VoiceEvent.Level sample -> level.set(state.get() == VoiceState.LISTENING ? LevelMeter.meterLevel(sample.dbfs()) : 0);
            case VoiceEvent.MicrophoneStatus microphone -> {
                if (microphone.working()) {
                    banners.dismiss("microphone");
                } else {
                    banners.show(new Banner("microphone", Banner.Level.ERROR, microphone.problem(), microphone.commands()));
                }
            }
            case VoiceEvent.PartialTranscript partial -> partialTranscript.set(partial.text());
            case VoiceEvent.FinalTranscript done -> partialTranscript.set(""); // nothing heard: the turn's end says so
            case VoiceEvent.Reply reply -> handle(reply.event());
            case VoiceEvent.Heard heard -> { }
            case VoiceEvent.AudioStarted started -> { } // the SPEAKING state shows it
            case VoiceEvent.TimerDone timer -> { } // ParleyApp shows a banner for it
            case VoiceEvent.WakeWordHeard heard -> partialTranscript.set("…"); // the cue: it is listening to you
            case VoiceEvent.ProviderHealth health -> { } // DesktopUi passes it to the provider switcher
            case VoiceEvent.BudgetWarning warning -> banners.show(Banner.warning("budget:" + warning.limit(),
                    warning.text()));
            case VoiceEvent.ProviderChanged changed -> { } // the provider switcher shows the active provider
            case VoiceEvent.Interrupted cut -> transcript.interrupted(cut.turn(), cut.heard());
            case VoiceEvent.Waterfall waterfall -> { // the one event every answered turn ends with
                lastWaterfall.set(Waterfall.of(waterfall.timings()));
                onTurnEnded.forEach(Runnable::run);
            }
            case VoiceEvent.SpeechPartChange change -> speechPartChanged(change);
        }
    }

    /** A speech part saved in Settings, swapped in while Parley runs: one banner per part, replaced as it goes. */
    private void speechPartChanged(VoiceEvent.SpeechPartChange change) {
        String key = "speech-part:" + change.part();
        String part = Character.toUpperCase(change.part().charAt(0)) + change.part().substring(1);
        banners.show(switch (change.step()) {
            case LOADING -> Banner.info(key, "Loading the " + change.part() + "…");
            case CHANGED -> Banner.confirmation(key, part + " changed: " + change.detail() + ".");
            case FAILED -> Banner.error(key, change.detail());
        });
    }

    private void handle(TurnEvent event) {
        switch (event) {
            case TurnEvent.Started started -> {
                banners.dismiss("turn", "voice");
                banners.dismissConfirmations();
                if (transcript.start(started.turn(), started.userText())) {
                    lastWaterfall.set(null); // a new spoken turn: the last one's waterfall is stale
                }
            }
            case TurnEvent.Completed completed -> {
                transcript.apply(completed);
                answeredBy.set(completed.provider());
                onCompleted.forEach(listener -> listener.accept(completed));
            }
            case TurnEvent.Failed failed -> {
                transcript.apply(failed);
                banners.show(Banner.error("turn", failed.message()));
            }
            default -> transcript.apply(event);
        }
    }

    private void updateStatus() {
        String text = switch (state.get()) {
            case IDLE -> muted.get() ? "Microphone muted" : speechReady.get() ? "Ready" : loadMessage.get().isEmpty() ? "Ready (typing only)"
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
        return transcript.entries();
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

    /** Whether the microphone is muted (the tray icon's menu). */
    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
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
