package dev.parley.ui;

import dev.parley.config.ImagesConfig;
import dev.parley.image.ImagePreparer;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.ui.settings.SettingsBackend;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.ui.main.ApiStatus;
import dev.parley.ui.main.Attachments;
import dev.parley.ui.main.Banners;
import dev.parley.ui.main.ConversationsViewModel;
import dev.parley.ui.main.MainViewModel;
import dev.parley.ui.main.MainWindow;
import dev.parley.ui.main.ProviderService;
import dev.parley.ui.main.ProviderSwitcherViewModel;
import dev.parley.ui.usage.UsageViewModel;
import dev.parley.usage.UsageLedger;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;

/**
 * The window's view models, built once: what {@link MainWindow} shows. Tests build it from fakes;
 * the app from {@link DesktopServices}.
 */
public record DesktopUi(MainViewModel main, ProviderSwitcherViewModel providers, ConversationsViewModel conversations,
        UsageViewModel usage, SettingsBackend settings, Tasks tasks, Banners banners, ApiStatus api) {

    public static DesktopUi create(VoiceAssistant assistant, ProviderService providers, SettingsBackend settings,
            ConversationStore store, Supplier<Conversation> fresh, UsageLedger ledger, Tasks tasks) {
        Banners banners = new Banners((delay, task) -> {
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(event -> task.run());
            wait.play();
        });
        ImagesConfig images = settings.config().llm().images();
        MainViewModel main = new MainViewModel(assistant, tasks, banners,
                new Attachments(new ImagePreparer(images.maxSide()), images.maxCount(), tasks, banners));
        main.handsFreeConfigured(settings.config().audio().handsFree());
        ProviderSwitcherViewModel switcher = new ProviderSwitcherViewModel(providers, tasks, banners);
        main.onCompleted(completed -> switcher.answeredBy(completed.provider()));
        // For as long as the window lives (the assistant closes with it): the background checks' news.
        assistant.subscribe(event -> {
            if (event instanceof VoiceEvent.ProviderHealth health) {
                tasks.onUi(() -> switcher.healthChanged(health.provider(), health.healthy(), health.detail()));
            } else if (event instanceof VoiceEvent.ProviderChanged changed) {
                tasks.onUi(() -> switcher.providerChanged(changed.provider()));
            }
        });
        return new DesktopUi(main, switcher,
                new ConversationsViewModel(store, assistant, fresh, main, tasks, banners),
                new UsageViewModel(ledger, tasks, banners), settings, tasks, banners,
                new ApiStatus(tasks, banners));
    }

    public static DesktopUi create(DesktopServices services, Tasks tasks) {
        DesktopUi ui = create(services.assistant(), services.providers(), services.settings(),
                services.conversationStore(), services::newConversation, services.usageLedger(), tasks);
        services.watchApi(ui.api()::show);
        // The API asks the open conversation by the name the window saves it under.
        services.showsConversation(ui.conversations().currentProperty().get());
        ui.conversations().currentProperty().addListener((property, was, now) -> services.showsConversation(now));
        services.configChanges().subscribe(saved -> tasks.onUi(
                () -> ui.conversations().systemPromptSaved(saved.llm().systemPrompt())));
        return ui;
    }

    public SettingsViewModel newSettings() {
        return new SettingsViewModel(settings, tasks);
    }
}
