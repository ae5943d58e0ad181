package dev.parley.ui.system;

import dev.parley.voice.VoiceState;

/**
 * What the tray icon shows: one of four icons (idle, listening, thinking, speaking; a muted
 * microphone crosses it out), a tooltip saying the same in words, and the menu's labels.
 */
public record TrayLook(VoiceState state, boolean muted, boolean windowShown) {

    /** The icon drawn for a state; transcribing counts as thinking, a stop or an error as idle. */
    public enum Icon { IDLE, LISTENING, THINKING, SPEAKING }

    public Icon icon() {
        return switch (state) {
            case LISTENING -> Icon.LISTENING;
            case TRANSCRIBING, THINKING -> Icon.THINKING;
            case SPEAKING -> Icon.SPEAKING;
            case IDLE, INTERRUPTED, ERROR -> Icon.IDLE;
        };
    }

    public String tooltip() {
        String doing = switch (state) {
            case IDLE, INTERRUPTED -> "ready";
            case LISTENING -> "listening";
            case TRANSCRIBING, THINKING -> "thinking";
            case SPEAKING -> "speaking";
            case ERROR -> "something went wrong (see the window)";
        };
        return "Parley: " + doing + (muted ? ", microphone muted" : "");
    }

    public String windowItem() {
        return windowShown ? "Hide window" : "Show window";
    }
}
