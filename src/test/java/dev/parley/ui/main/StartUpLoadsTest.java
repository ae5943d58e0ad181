package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tray and the global key start once the speech model and the voice have loaded, or failed to. */
class StartUpLoadsTest {

    private final ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
    private final List<Runnable> pending = new ArrayList<>();
    private final MainViewModel main = new MainViewModel(assistant, new Tasks(pending::add, UiThread.CURRENT_THREAD),
            new Banners());
    private final List<String> ran = new ArrayList<>();

    @Test
    void waitsForEveryStepToLoadThenRunsOnce() {
        main.load(List.of(new LoadStep("speech model", () -> { }), new LoadStep("voice", () -> { })));
        StartUpLoads.whenEnded(main, () -> ran.add("tray"));

        pending.removeFirst().run();
        assertThat(ran).isEmpty();
        pending.removeFirst().run();
        assertThat(ran).containsExactly("tray");
    }

    @Test
    void aFailedStepEndsTheLoadsToo() {
        main.load(List.of(new LoadStep("speech model", () -> {
            throw new IllegalStateException("no model");
        }), new LoadStep("voice", () -> { })));
        StartUpLoads.whenEnded(main, () -> ran.add("tray"));

        pending.removeFirst().run();
        assertThat(ran).containsExactly("tray");

        // A saved config loads again (progress from 0 to 1 once more): nothing starts twice.
        main.retryLoad(List.of(new LoadStep("speech model", () -> { })));
        pending.forEach(Runnable::run);
        assertThat(ran).containsExactly("tray");
    }

    @Test
    void loadsThatHaveEndedRunItAtOnce() {
        main.load(List.of());

        StartUpLoads.whenEnded(main, () -> ran.add("tray"));

        assertThat(ran).containsExactly("tray");
    }
}
