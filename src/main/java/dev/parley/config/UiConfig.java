package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code ui} section of the desktop window.
 *
 * @param pushToTalkKey the key held to talk, by its JavaFX KeyCode name (SPACE, F8, ...)
 * @param theme light or dark
 */
public record UiConfig(String pushToTalkKey, String theme) {

    public static final String DEFAULT_PUSH_TO_TALK_KEY = "SPACE";
    public static final String DEFAULT_THEME = "light";

    @JsonCreator
    static UiConfig fromYaml(@JsonProperty("push-to-talk-key") String pushToTalkKey,
            @JsonProperty("theme") String theme) {
        return new UiConfig(pushToTalkKey == null || pushToTalkKey.isBlank() ? DEFAULT_PUSH_TO_TALK_KEY : pushToTalkKey,
                theme == null || theme.isBlank() ? DEFAULT_THEME : theme);
    }

    public static UiConfig defaults() {
        return new UiConfig(DEFAULT_PUSH_TO_TALK_KEY, DEFAULT_THEME);
    }
}
