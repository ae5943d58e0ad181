package dev.parley.ui.main;

/**
 * What the window's control API is doing, as {@code DesktopServices} reports it: serving on
 * {@code url} (empty when off), with the token in {@code tokenFile}, or not started because of
 * {@code error} (empty when none).
 */
public record ApiState(String url, String tokenFile, String error) {

    public static final ApiState OFF = new ApiState("", "", "");

    public static ApiState serving(String url, String tokenFile) {
        return new ApiState(url, tokenFile, "");
    }

    public static ApiState failed(String error) {
        return new ApiState("", "", error);
    }
}
