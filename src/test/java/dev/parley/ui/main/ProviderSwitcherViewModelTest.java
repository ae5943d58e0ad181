package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.Tasks;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProviderSwitcherViewModelTest {

    private final FakeProviders service = new FakeProviders(0);
    private final Banners banners = new Banners();
    private final ProviderSwitcherViewModel model = new ProviderSwitcherViewModel(service, Tasks.direct(), banners);

    private ProviderSwitcherViewModel.Item item(String name) {
        return model.items().stream().filter(item -> item.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheConfiguredProvidersWithTheirHealth() {
        assertThat(model.items()).extracting(ProviderSwitcherViewModel.Item::name).containsExactly("local", "cloud", "spare");
        assertThat(model.activeProperty().get().name()).isEqualTo("local");
        assertThat(item("local").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.HEALTHY);
        assertThat(item("cloud").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.UNHEALTHY);
        assertThat(item("cloud").healthDetailProperty().get()).isEqualTo("set OPENAI_API_KEY (export OPENAI_API_KEY=...)");
    }

    @Test
    void anUnhealthyActiveProviderIsReportedWithTheFix() {
        service.active = "cloud";
        model.reload();
        assertThat(banners.shown()).extracting(Banner::message).containsExactly("cloud may not answer:"
                + " set OPENAI_API_KEY (export OPENAI_API_KEY=...). Or pick another provider in the toolbar.");
    }

    @Test
    void aProviderThatAnswersClearsItsWarningAndTurnsGreen() {
        service.active = "cloud";
        model.reload();

        model.answeredBy("cloud"); // e.g. the key was set in the shell meanwhile, or the check was wrong

        assertThat(item("cloud").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.HEALTHY);
        assertThat(banners.shown()).isEmpty();
        model.answeredBy("nobody"); // a provider no longer configured: nothing to show
    }

    /** Ollama started after the window, then stopped: the background checks' news moves the dot and the banner. */
    @Test
    void theBackgroundChecksTurnTheDotGreenAndRedAgain() {
        service.active = "cloud";
        model.reload();

        model.healthChanged("cloud", true, "");
        assertThat(item("cloud").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.HEALTHY);
        assertThat(banners.shown()).isEmpty();

        model.healthChanged("cloud", false, "connection refused: start it");
        assertThat(item("cloud").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.UNHEALTHY);
        assertThat(item("cloud").healthDetailProperty().get()).isEqualTo("connection refused: start it");
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("cloud may not answer: connection refused: start it. Or pick another provider in the toolbar.");

        model.healthChanged("spare", false, "down"); // not the active one: its dot only
        assertThat(item("spare").healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.UNHEALTHY);
        assertThat(banners.shown()).hasSize(1);
        model.healthChanged("nobody", true, ""); // no longer configured: nothing to show
    }

    @Test
    void switchingToAHealthyProviderMakesItActive() {
        model.switchTo(item("spare"));
        assertThat(service.switched).containsExactly("spare");
        assertThat(model.activeProperty().get().name()).isEqualTo("spare");
        assertThat(model.switchingProperty().get()).isFalse();
        assertThat(banners.shown()).isEmpty();
    }

    @Test
    void aRefusedSwitchKeepsThePreviousProviderAndSaysWhy() {
        model.switchTo(item("cloud"));
        assertThat(model.activeProperty().get().name()).isEqualTo("local");
        assertThat(banners.shown()).extracting(Banner::message).containsExactly(
                "Cannot switch to cloud: set OPENAI_API_KEY (export OPENAI_API_KEY=...). Still answering with local.");
    }

    @Test
    void aSavedConfigIsListedAgainAndItsActiveProviderSwitchedToEvenIfItIsTheSameName() {
        model.configSaved("local"); // its model or URL may have changed: the model is made again
        assertThat(service.switched).containsExactly("local");
        model.configSaved("spare");
        assertThat(service.switched).containsExactly("local", "spare");
        assertThat(model.activeProperty().get().name()).isEqualTo("spare");
        model.configSaved("cloud");
        assertThat(model.activeProperty().get().name()).isEqualTo("spare");
        assertThat(banners.shown()).extracting(Banner::message).containsExactly(
                "Cannot switch to cloud: set OPENAI_API_KEY (export OPENAI_API_KEY=...). Still answering with spare.");
    }

    /** The welcome saved a cloud provider without its key: its check ends while the switch to it is checked. */
    @Test
    void aCheckEndingDuringARefusedSwitchAddsNoWarningAboutTheProviderThatNeverBecameActive() {
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        ProviderSwitcherViewModel queued = new ProviderSwitcherViewModel(service, new Tasks(background::add,
                Runnable::run), banners);
        background.clear(); // the first listing's checks

        queued.configSaved("cloud"); // the checks of the new listing, then the switch, run in the background
        while (!background.isEmpty()) {
            background.removeFirst().run();
        }

        assertThat(queued.activeProperty().get().name()).isEqualTo("local");
        assertThat(banners.shown()).extracting(Banner::message).containsExactly(
                "Cannot switch to cloud: set OPENAI_API_KEY (export OPENAI_API_KEY=...). Still answering with local.");
    }

    @Test
    void testShowsTheReplyAndLatency() {
        model.testActive();
        assertThat(model.testResultProperty().get())
                .matches("local answered \"ready\" · first token \\d+ ms · total \\d+ ms");
        assertThat(model.testingProperty().get()).isFalse();
    }

    /** The welcome's built-in model, chosen in a window started without the Vector API: one click restarts. */
    @Test
    void aProviderThatNeedsANewStartIsAnnouncedWithARestartButtonThatGoesWhenAnotherAnswers() {
        service.needsRestart = "spare";
        java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
        model.onRestart(restarts::incrementAndGet);

        model.providerChanged("spare");

        assertThat(banners.shown()).singleElement().satisfies(banner -> {
            assertThat(banner.message()).startsWith("The built-in model (spare) answers once Parley starts again");
            assertThat(banner.action().label()).isEqualTo("Restart Parley");
            banner.action().run().run();
        });
        assertThat(restarts).hasValue(1);

        model.providerChanged("local");
        assertThat(banners.shown()).isEmpty();
    }

    /**
     * A switch made elsewhere (the control API's PUT /providers/active, served by the window): the toolbar
     * shows the provider answering, and Restart Parley continues with it rather than with the one shown before.
     */
    @Test
    void aProviderSwitchedOutsideTheToolbarBecomesTheActiveOne() {
        model.providerChanged("spare");

        assertThat(model.activeProperty().get().name()).isEqualTo("spare");
        assertThat(service.switched).isEmpty(); // it answers already: nothing to switch again

        model.providerChanged("nobody"); // no longer configured: the toolbar keeps what it shows
        assertThat(model.activeProperty().get().name()).isEqualTo("spare");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // unbounded, it waits for ever
    void testOfAProviderThatNeverAnswersEndsAtTheLimitAndSaysWhatToCheck() {
        service.testNeverAnswers = true;
        ProviderSwitcherViewModel bounded = new ProviderSwitcherViewModel(service, Tasks.direct(), banners,
                Duration.ofSeconds(1));

        bounded.testActive();

        assertThat(bounded.testResultProperty().get()).startsWith("local failed: Provider 'local' gave no answer"
                + " within 1 s").contains("llm.providers.local.base-url");
        assertThat(bounded.testingProperty().get()).isFalse();
        assertThat(bounded.items().getFirst().healthProperty().get()).isEqualTo(ProviderSwitcherViewModel.Health.UNHEALTHY);
    }
}
