package dev.parley.ui.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.main.Banners;
import dev.parley.ui.main.MainViewModel;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The tray icon's wiring through a fake tray: it follows the state, and its menu acts. */
class TrayPresenceTest {

    private final ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
    private final MainViewModel main = new MainViewModel(assistant, Tasks.direct(), new Banners());
    private final List<String> quits = new ArrayList<>();
    private final SimpleBooleanProperty showing = new SimpleBooleanProperty(true);
    private final TrayWindow window = new TrayWindow() {
        @Override
        public ReadOnlyBooleanProperty showingProperty() {
            return showing;
        }

        @Override
        public void show() {
            showing.set(true);
        }

        @Override
        public void hide() {
            showing.set(false);
        }
    };

    private TrayPresence presence(FakeTray tray) {
        return new TrayPresence(tray, main, window, () -> quits.add("quit"), Tasks.direct());
    }

    @Test
    void theIconAndTooltipFollowTheStateThroughATurn() {
        FakeTray tray = new FakeTray(true);
        presence(tray);
        main.load(List.of());

        main.pressToTalk();
        assertThat(tray.last().icon()).isEqualTo(TrayLook.Icon.LISTENING);
        assertThat(tray.last().tooltip()).isEqualTo("Parley: listening");
        main.releaseToTalk();

        assertThat(tray.looks).extracting(TrayLook::icon).containsExactly(TrayLook.Icon.IDLE, TrayLook.Icon.LISTENING,
                TrayLook.Icon.THINKING, TrayLook.Icon.THINKING, TrayLook.Icon.SPEAKING, TrayLook.Icon.IDLE);
        assertThat(tray.looks).extracting(TrayLook::tooltip).contains("Parley: thinking", "Parley: speaking");
        assertThat(tray.last().tooltip()).isEqualTo("Parley: ready");
    }

    @Test
    void theMenuShowsAndHidesTheWindowAndItsLabelSaysWhich() {
        FakeTray tray = new FakeTray(true);
        presence(tray);
        assertThat(tray.last().windowItem()).isEqualTo("Hide window");

        tray.menu.showOrHideWindow();
        assertThat(showing.get()).isFalse();
        assertThat(tray.last().windowItem()).isEqualTo("Show window");

        tray.menu.showOrHideWindow();
        assertThat(showing.get()).isTrue();
        assertThat(tray.last().windowItem()).isEqualTo("Hide window");
    }

    @Test
    void muteFromTheMenuRefusesToListenAndShowsOnTheIcon() {
        FakeTray tray = new FakeTray(true);
        presence(tray);
        main.load(List.of());

        tray.menu.mute(true);
        main.pressToTalk();

        assertThat(main.mutedProperty().get()).isTrue();
        assertThat(assistant.calls).doesNotContain("press");
        assertThat(tray.last().muted()).isTrue();
        assertThat(tray.last().tooltip()).isEqualTo("Parley: ready, microphone muted");
        tray.menu.mute(false);
        assertThat(tray.last().muted()).isFalse();
    }

    @Test
    void quitFromTheMenuQuits() {
        FakeTray tray = new FakeTray(true);
        presence(tray);

        tray.menu.quit();

        assertThat(quits).containsExactly("quit");
    }

    @Test
    void closingHidesToTheTrayOnlyWhenConfiguredAndATrayExists() {
        TrayPresence withTray = presence(new FakeTray(true));
        assertThat(withTray.hidesOnClose()).as("ui.close-to-tray is off by default").isFalse();
        withTray.closeToTray(true);
        assertThat(withTray.hidesOnClose()).isTrue();

        TrayPresence withoutTray = presence(new FakeTray(false));
        withoutTray.closeToTray(true);
        assertThat(withoutTray.installed()).isFalse();
        assertThat(withoutTray.hidesOnClose()).as("no tray: closing quits as before").isFalse();
    }

    @Test
    void closingRemovesTheIconAndStopsFollowing() {
        FakeTray tray = new FakeTray(true);
        TrayPresence presence = presence(tray);
        int shown = tray.looks.size();

        presence.close();
        assistant.move(VoiceState.THINKING, "");

        assertThat(tray.removed).isTrue();
        assertThat(tray.looks).hasSize(shown);
    }

    @Test
    void everyStateHasAnIconAndWords() {
        for (VoiceState state : VoiceState.values()) {
            TrayLook look = new TrayLook(state, false, true);
            assertThat(look.icon()).isNotNull();
            assertThat(look.tooltip()).startsWith("Parley: ");
            assertThat(AwtTray.image(look.icon(), true)).isNotNull();
        }
    }
}
