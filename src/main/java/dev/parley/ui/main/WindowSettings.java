package dev.parley.ui.main;

import dev.parley.config.ConfigChanges;
import dev.parley.config.ParleyConfig;
import dev.parley.ui.Tasks;
import dev.parley.ui.settings.SettingsViewModel;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a saved config (Settings, the welcome, config.yaml edited by hand) changes in the running window
 * at once: the talk key and the theme the window shows, the provider list and hands-free listening it
 * passes on. The one place the window hears of a saved config, so its views only bind.
 *
 * <p>The provider and the theme can also be chosen for this session only (the toolbar, the control
 * API); a save that leaves {@code llm.active} or {@code ui.theme} as it was keeps that choice, so an
 * edit of something else (the voice's rate in config.yaml) does not undo it.
 */
public final class WindowSettings {

    private final ProviderSwitcherViewModel providers;
    private final MainViewModel main;
    private final Supplier<SettingsViewModel> newSettings;
    private final ReadOnlyStringWrapper talkKey = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper theme = new ReadOnlyStringWrapper();
    /** The config as last loaded or saved: what a save is compared with. */
    private ParleyConfig last;

    /** Applies every config published on {@code saves} (by Settings or the welcome) on the UI thread. */
    public WindowSettings(ParleyConfig loaded, ProviderSwitcherViewModel providers, MainViewModel main,
            Supplier<SettingsViewModel> newSettings, ConfigChanges saves, Tasks tasks) {
        this.providers = providers;
        this.main = main;
        this.newSettings = newSettings;
        this.last = loaded;
        talkKey.set(loaded.ui().pushToTalkKey());
        theme.set(loaded.ui().theme());
        saves.subscribe(saved -> tasks.onUi(() -> saved(saved)));
    }

    /** A Settings panel, its choices loading in the background; its save reaches this window as a change. */
    public SettingsViewModel openSettings() {
        SettingsViewModel settings = newSettings.get();
        settings.loadChoices();
        return settings;
    }

    private void saved(ParleyConfig saved) {
        providers.configSaved(saved.llm().active().equals(last.llm().active()) ? answering(saved) : saved.llm().active());
        main.setHandsFree(saved.audio().handsFree());
        talkKey.set(saved.ui().pushToTalkKey());
        if (!saved.ui().theme().equals(last.ui().theme())) {
            theme.set(saved.ui().theme());
        }
        last = saved;
    }

    /** The provider answering now, made again from the saved entries; the saved active one if it is gone. */
    private String answering(ParleyConfig saved) {
        ProviderSwitcherViewModel.Item now = providers.activeProperty().get();
        return now != null && saved.llm().providers().containsKey(now.name()) ? now.name() : saved.llm().active();
    }

    /** Light or dark for this session only (the toolbar's toggle); Settings saves it for good. */
    public void useTheme(String name) {
        theme.set(name);
    }

    /** The push-to-talk key's name as configured, e.g. {@code SPACE} or {@code F8}. */
    public ReadOnlyStringProperty talkKeyProperty() {
        return talkKey.getReadOnlyProperty();
    }

    /** {@code light} or {@code dark}. */
    public ReadOnlyStringProperty themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
