package dev.parley.ui.main;

/**
 * Whether the transcript follows its newest text, as in chat apps: while the user reads at (or near)
 * the bottom it does; once they scroll up it stays on what they read (the scroll pane keeps the text
 * in view as the content grows below it). Heights in pixels; the position is a scroll pane's vvalue
 * (0 top, 1 bottom).
 */
final class StreamFollow {

    /** How far above the bottom still counts as at the bottom: a wheel notch's play. */
    static final double NEAR_BOTTOM = 48;

    private StreamFollow() {}

    /** Whether the view at {@code vvalue} of content {@code height} high in a {@code viewport} is near its bottom. */
    static boolean nearBottom(double vvalue, double height, double viewport) {
        double scrollable = Math.max(0, height - viewport);
        return (1 - vvalue) * scrollable <= NEAR_BOTTOM;
    }
}
