package dev.parley.ui.main;

import dev.parley.config.ConfigFileWatch;
import dev.parley.ui.Tasks;

/**
 * What the window says when config.yaml is changed outside Parley (an editor): that a change is in
 * use, or what is wrong with it while the settings in use stay. A file that loads again clears both
 * the error and the notice of a start with the last good config.
 */
public final class ConfigFileNews implements ConfigFileWatch.Listener {

    /** The banner of a start with the last good config, shown by the window at its start. */
    public static final String LAST_GOOD = "config-last-good";
    static final String KEY = "config-file";

    private final Banners banners;
    private final Tasks tasks;

    public ConfigFileNews(Banners banners, Tasks tasks) {
        this.banners = banners;
        this.tasks = tasks;
    }

    @Override
    public void loaded(boolean newSettings) {
        tasks.onUi(() -> {
            banners.dismiss(LAST_GOOD);
            banners.dismiss(KEY);
            if (newSettings) {
                banners.show(Banner.confirmation(KEY, "Parley now uses the settings you saved in config.yaml."));
            }
        });
    }

    @Override
    public void broken(String problem) {
        tasks.onUi(() -> banners.show(Banner.warning(KEY, problem + (problem.endsWith(".") ? "" : ".")
                + " Parley goes on with the settings it had; fix the file and save it again.")));
    }
}
