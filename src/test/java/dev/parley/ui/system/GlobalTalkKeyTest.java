package dev.parley.ui.system;

import static dev.parley.config.KeyChord.Modifier.ALT;
import static dev.parley.config.KeyChord.Modifier.CTRL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.Tasks;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.Banners;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The global talk key's wiring, driven through a fake hook: presses, releases, repeats, refusals. */
class GlobalTalkKeyTest {

    private final List<String> calls = new ArrayList<>();
    private final Banners banners = new Banners();
    private final FakeGlobalKeys keys = new FakeGlobalKeys();
    private final GlobalTalkKey talkKey = talkKey(keys);

    private GlobalTalkKey talkKey(GlobalKeys hook) {
        return new GlobalTalkKey(hook, () -> calls.add("press"), () -> calls.add("release"), Tasks.direct(), banners);
    }

    @Test
    void holdingTheKeyPressesToTalkAndReleasingReleases() {
        talkKey.use("F8");

        keys.press("F8");
        assertThat(calls).containsExactly("press");
        keys.release("F8");
        assertThat(calls).containsExactly("press", "release");
    }

    @Test
    void autoRepeatWhileHeldPressesOnce() {
        talkKey.use("F8");

        keys.press("F8");
        keys.press("F8");
        keys.press("F8");
        keys.release("F8");
        keys.release("F8");

        assertThat(calls).containsExactly("press", "release");
    }

    @Test
    void aChordNeedsExactlyItsModifiersAndReleasesWithItsKeyInAnyOrder() {
        talkKey.use("ctrl+alt+space");

        keys.press("SPACE");
        keys.press("SPACE", CTRL);
        keys.press("SPACE", CTRL, ALT, dev.parley.config.KeyChord.Modifier.SHIFT);
        assertThat(calls).as("Space, Ctrl+Space and Ctrl+Alt+Shift+Space are other keys").isEmpty();

        keys.press("SPACE", CTRL, ALT);
        keys.release("", ALT); // Alt let go first
        keys.release("SPACE", CTRL);
        assertThat(calls).containsExactly("press", "release");
    }

    @Test
    void otherKeysDoNothing() {
        talkKey.use("F8");

        keys.press("F9");
        keys.release("F9");
        keys.release("F8");

        assertThat(calls).isEmpty();
    }

    @Test
    void offByDefaultAndTurningItOffStopsTheHook() {
        talkKey.use("");
        assertThat(keys.starts).isZero();

        talkKey.use("F8");
        keys.press("F8");
        talkKey.use("");

        assertThat(calls).as("a key held while it is turned off is released").containsExactly("press", "release");
        assertThat(keys.running()).isFalse();
        assertThat(keys.stops).isEqualTo(1);
    }

    @Test
    void changingTheKeyKeepsTheHookAndListensForTheNewKey() {
        talkKey.use("F8");
        talkKey.use("ctrl+F9");

        keys.press("F8");
        keys.press("F9", CTRL);

        assertThat(calls).containsExactly("press");
        assertThat(keys.starts).isEqualTo(1);
    }

    @Test
    void closingUnregistersTheHookAndReleasesAHeldKey() {
        talkKey.use("F8");
        keys.press("F8");

        talkKey.close();

        assertThat(keys.running()).isFalse();
        assertThat(calls).containsExactly("press", "release");
        talkKey.use("F9");
        assertThat(keys.starts).as("closed for good").isEqualTo(1);
    }

    @Test
    void aRefusingPlatformShowsOneBannerSayingWhyAndThatTheWindowKeyWorks() {
        GlobalTalkKey refused = talkKey(new FakeGlobalKeys("this is a Wayland session"));

        refused.use("F8");

        assertThat(banners.shown()).extracting(Banner::key, Banner::level, Banner::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GlobalTalkKey.BANNER, Banner.Level.WARNING,
                        "The global talk key (F8) does not work here: this is a Wayland session."
                                + " The talk key in Parley's window still works."));
        refused.use("F8");
        assertThat(banners.shown()).hasSize(1);
        refused.use("");
        assertThat(banners.shown()).as("turned off: nothing to warn about").isEmpty();
    }

    @Test
    void aHookThatFailsToLoadIsAlsoARefusalNotACrash() {
        GlobalTalkKey broken = talkKey(listener -> {
            throw new UnsatisfiedLinkError("no libJNativeHook in java.library.path");
        });

        broken.use("F8");

        assertThat(banners.shown()).singleElement().extracting(Banner::message).asString()
                .contains("no libJNativeHook", "The talk key in Parley's window still works.");
    }

    @Test
    void aKeyTheConfigRulesWouldRefuseIsABannerNotACrash() {
        talkKey.use("F99");

        assertThat(keys.starts).isZero();
        assertThat(banners.shown()).singleElement().extracting(Banner::message).asString()
                .startsWith("The global talk key is 'F99' but 'F99' is not a key");
    }
}
