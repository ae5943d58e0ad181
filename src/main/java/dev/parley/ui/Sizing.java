package dev.parley.ui;

import javafx.scene.layout.Region;

/**
 * Sizes that keep controls readable when a row has less room than it would like: a row shrinks its
 * children down to their minimum width, and a button's default minimum is a clipped "…", so in a
 * narrow window or beside a long status line Save, Close and Test became "S…", "Cl…" and "…".
 */
public final class Sizing {

    private Sizing() {}

    /** {@code control} is never narrower than it asks to be; the row's text beside it gives way instead. */
    public static <T extends Region> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    /** {@code text} may shrink to nothing (it ends in "…" and says the rest in its tooltip or by wrapping). */
    public static <T extends Region> T yielding(T text) {
        text.setMinWidth(0);
        return text;
    }
}
