package dev.parley.ui.main;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Changes to a pane's rows that leave the rows still wanted in the scene: taken out and put back, a row
 * loses the keyboard focus it held and is styled and measured again (the banners, the transcript's bubbles).
 */
final class ChildNodes {

    private ChildNodes() {}

    /**
     * Makes {@code now} into {@code wanted}: the rows no longer wanted leave, then only the run between what
     * both begin and end with is replaced. A new turn adds its rows, an earlier batch or a new banner goes in
     * above, and the rows already there stay put (all of a 2,000-turn conversation, re-added for each new
     * turn, took a second of the FX thread).
     */
    static void replaceChanged(List<Node> now, List<Node> wanted) {
        Set<Node> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(wanted);
        now.removeIf(node -> !kept.contains(node));
        int before = 0;
        while (before < now.size() && before < wanted.size() && now.get(before) == wanted.get(before)) {
            before++;
        }
        int after = 0;
        while (after < now.size() - before && after < wanted.size() - before
                && now.get(now.size() - 1 - after) == wanted.get(wanted.size() - 1 - after)) {
            after++;
        }
        now.subList(before, now.size() - after).clear();
        now.addAll(before, wanted.subList(before, wanted.size() - after));
    }

    /**
     * A control about to go away with the keyboard on it (its focus ring showing) passes the keyboard on as
     * Tab would. Left to itself the keyboard would fall back to the window's first control, without its
     * ring, where Space talks instead of pressing.
     */
    static void keyboardOnAsTabFrom(Node leaving) {
        if (leaving.isFocusVisible()) {
            leaving.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
        }
    }
}
