package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code ui} section of the desktop window.
 *
 * @param pushToTalkKey the key held to talk in the window, by its JavaFX KeyCode name (SPACE, F8, ...)
 * @param theme light or dark
 * @param globalPushToTalkKey the key held to talk while another application has focus, as
 *     {@link KeyChord} reads it (F8, ctrl+alt+space); empty: off
 * @param closeToTray whether closing the window hides it to the tray icon (when there is a tray)
 */
public record UiConfig(String pushToTalkKey, String theme, String globalPushToTalkKey, boolean closeToTray) {

    public static final String DEFAULT_PUSH_TO_TALK_KEY = "SPACE";
    public static final String DEFAULT_THEME = "light";

    @JsonCreator
    static UiConfig fromYaml(@JsonProperty("push-to-talk-key") String pushToTalkKey,
            @JsonProperty("theme") String theme,
            @JsonProperty("global-push-to-talk-key") String globalPushToTalkKey,
            @JsonProperty("close-to-tray") Boolean closeToTray) {
        return new UiConfig(pushToTalkKey == null || pushToTalkKey.isBlank() ? DEFAULT_PUSH_TO_TALK_KEY : pushToTalkKey,
                theme == null || theme.isBlank() ? DEFAULT_THEME : theme,
                globalPushToTalkKey == null ? "" : globalPushToTalkKey.strip(), closeToTray != null && closeToTray);
    }

    public static UiConfig defaults() {
        return new UiConfig(DEFAULT_PUSH_TO_TALK_KEY, DEFAULT_THEME, "", false);
    }

    /** Whether a global talk key is configured. */
    public boolean hasGlobalPushToTalkKey() {
        return !globalPushToTalkKey.isBlank();
    }
}
