package dev.parley.ui.main;

import dev.parley.config.ProviderConfig;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.ReadyCheck;
import dev.parley.ui.Tasks;
import java.time.Duration;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The toolbar's provider switcher: the configured providers with a health dot each, the active
 * one, switching (applied at once in the UI, checked in the background, reverted with a banner
 * when the provider fails its check) and a Test action with its result and latency.
 */
public final class ProviderSwitcherViewModel {

    /** One provider as the switcher lists it. */
    public static final class Item {
        private final String name;
        private final String type;
        private final String model;
        private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
        private final ReadOnlyStringWrapper healthDetail = new ReadOnlyStringWrapper("checking…");

        Item(String name, ProviderConfig config) {
            this.name = name;
            this.type = config.type().configName();
            this.model = config.model();
        }

        public String name() {
            return name;
        }

        public String type() {
            return type;
        }

        public String model() {
            return model;
        }

        public ReadOnlyObjectProperty<Health> healthProperty() {
            return health.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty healthDetailProperty() {
            return healthDetail.getReadOnlyProperty();
        }

        @Override
        public String toString() {
            return name + " · " + model;
        }
    }

    public enum Health { UNKNOWN, HEALTHY, UNHEALTHY }

    static final String RESTART_BANNER = "restart";

    private final ProviderService service;
    private final Tasks tasks;
    private final Banners banners;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyObjectWrapper<Item> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    /** Quits and opens the window again (for a provider that needs a new start); set by the app. */
    private Runnable restart = () -> { };
    private final Duration testLimit;

    public ProviderSwitcherViewModel(ProviderService service, Tasks tasks, Banners banners) {
        this(service, tasks, banners, ReadyCheck.LIMIT);
    }

    /** {@code testLimit}: how long Test waits for the provider's answer before it says it gave none. */
    ProviderSwitcherViewModel(ProviderService service, Tasks tasks, Banners banners, Duration testLimit) {
        this.service = service;
        this.tasks = tasks;
        this.banners = banners;
        this.testLimit = testLimit;
        reload();
    }

    /** What the banner's "Restart Parley" does; the app's window sets it. */
    public void onRestart(Runnable restart) {
        this.restart = restart;
    }

    /**
     * After {@code name} became the one answering (the switcher, Settings, the welcome): when it can
     * answer only after a new start, a banner says so with a button that restarts; otherwise that banner goes.
     * A switch made outside the toolbar (the control API's) shows there too: Restart Parley continues with
     * the provider the toolbar shows.
     */
    public void providerChanged(String name) {
        Item answering = find(name);
        if (answering != null) {
            active.set(answering);
        }
        service.needsRestart(name).ifPresentOrElse(embedded -> banners.show(new Banner(RESTART_BANNER,
                Banner.Level.WARNING, "The built-in model (" + embedded + ") answers once Parley starts again: it"
                        + " needs Java's Vector API, which can be turned on only at start. The conversation carries"
                        + " over.", "", new Banner.Action("Restart Parley", () -> restart.run()))),
                () -> banners.dismiss(RESTART_BANNER));
    }

    /** Lists the providers again (after the settings changed) and re-checks their health. */
    public void reload() {
        items.clear();
        Map<String, ProviderConfig> providers = service.providers();
        providers.forEach((name, config) -> items.add(new Item(name, config)));
        active.set(find(service.active()));
        refreshHealth();
    }

    /**
     * After a config was saved (Settings, the welcome): lists the providers again and switches to the
     * saved active provider as {@link #switchTo} does, even if it is the one answering, since its
     * model, URL or key may have changed.
     */
    public void configSaved(String savedActive) {
        reload();
        Item saved = find(savedActive);
        if (saved != null) {
            startSwitch(saved, active.get());
        }
    }

    public void refreshHealth() {
        for (Item item : items) {
            tasks.run(() -> service.check(item.name()), check -> {
                show(item, check);
                warnIfActive(item, check.healthy(), String.join("; ", check.advice()));
            }, failure -> {
                item.health.set(Health.UNHEALTHY);
                item.healthDetail.set(Tasks.message(failure));
            });
        }
    }

    /**
     * {@code name} just answered a turn: whatever a check said before, it works now, so its dot turns
     * green and a "may not answer" banner about it goes away.
     */
    public void answeredBy(String name) {
        Item item = find(name);
        if (item == null) {
            return;
        }
        item.health.set(Health.HEALTHY);
        item.healthDetail.set("answered the last question");
        if (item == active.get()) {
            banners.dismiss("provider");
        }
    }

    /**
     * The background checks ({@code llm.health.interval}) found {@code name} answering or not, or its
     * circuit breaker opened or closed: its dot and, for the active provider, the banner follow. Without
     * this a provider started after the window stayed red, and one that stopped stayed green.
     */
    public void healthChanged(String name, boolean healthy, String detail) {
        Item item = find(name);
        if (item == null) {
            return;
        }
        item.health.set(healthy ? Health.HEALTHY : Health.UNHEALTHY);
        item.healthDetail.set(healthy ? "answering (checked in the background)" : detail);
        warnIfActive(item, healthy, detail);
    }

    private void warnIfActive(Item item, boolean healthy, String advice) {
        // While a switch is checked, the provider shown as active may not become it: its failure says why.
        if (item != active.get() || switching.get()) {
            return;
        }
        if (healthy) {
            banners.dismiss("provider");
        } else {
            banners.show(Banner.warning("provider", item.name() + " may not answer: " + advice
                    + ". Or pick another provider in the toolbar."));
        }
    }

    private static void show(Item item, HealthCheck check) {
        item.health.set(check.healthy() ? Health.HEALTHY : Health.UNHEALTHY);
        item.healthDetail.set(check.healthy() ? "reachable, key " + check.keyStatus().label() + ", model "
                + check.modelStatus().label() : String.join("; ", check.advice()));
    }

    /**
     * Shows {@code item} as active at once and switches in the background; if the provider fails
     * its check the previous one stays active and a banner says why.
     */
    public void switchTo(Item item) {
        if (item != null && item != active.get()) {
            startSwitch(item, active.get());
        }
    }

    /** {@link #switchTo(Item)} by name; a name no longer configured is no change. */
    public void switchTo(String name) {
        switchTo(find(name));
    }

    private void startSwitch(Item item, Item previous) {
        active.set(item);
        switching.set(true);
        testResult.set("");
        tasks.run(() -> {
            service.switchTo(item.name());
            return item;
        }, done -> {
            switching.set(false);
            banners.dismiss("switch");
            banners.dismiss("provider");
        }, failure -> {
            switching.set(false);
            if (active.get() == item) {
                active.set(previous);
            }
            item.health.set(Health.UNHEALTHY);
            banners.show(Banner.error("switch", "Cannot switch to " + item.name() + ": "
                    + Tasks.message(failure) + " Still answering with "
                    + (previous == null ? "the previous provider" : previous.name()) + "."));
        });
    }

    /**
     * Sends the test prompt to the active provider; the result shows in {@link #testResultProperty()}.
     * Bounded, as the API's test is: a server that takes the request and never answers would keep
     * the button disabled for the provider's timeout and each retry.
     */
    public void testActive() {
        Item item = active.get();
        if (item == null || testing.get()) {
            return;
        }
        testing.set(true);
        testResult.set("Testing " + item.name() + "…");
        tasks.run(() -> ReadyCheck.run(item.name(), () -> service.modelToTest(item.name()), testLimit), result -> {
            testing.set(false);
            testResult.set(describe(result));
            item.health.set(result.ok() ? Health.HEALTHY : Health.UNHEALTHY);
        }, failure -> {
            testing.set(false);
            testResult.set(item.name() + " failed: " + Tasks.message(failure));
            item.health.set(Health.UNHEALTHY);
        });
    }

    static String describe(ReadyCheck.Result result) {
        if (!result.ok()) {
            return result.provider() + " failed: " + result.error();
        }
        return result.provider() + " answered \"" + result.reply().strip() + "\" · first token "
                + (result.firstTokenMs() < 0 ? "none" : result.firstTokenMs() + " ms") + " · total " + result.totalMs() + " ms";
    }

    private Item find(String name) {
        return items.stream().filter(item -> item.name().equals(name)).findFirst().orElse(null);
    }

    public ObservableList<Item> items() {
        return itemsView;
    }

    public ReadOnlyObjectProperty<Item> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }
}
