package dev.parley.ui;

import dev.parley.VectorApiLaunch;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.ConversationsViewModel;
import dev.parley.ui.main.ProviderSwitcherViewModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Opens the window again in a new process, for a provider chosen after the start that can answer only
 * in a new one: an embedded model needs Java's Vector API, which a JVM turns on only at start
 * ({@code dev.parley.VectorApiLaunch}). The conversation on show is saved, and the new window continues it
 * with the provider that was answering.
 */
final class WindowRestart {

    private static final Logger LOG = LogManager.getLogger(WindowRestart.class);

    /**
     * Name the conversation the new window continues and the provider it answers with (a switch in the
     * toolbar is not saved): in its environment, which only the user can read, rather than on its command
     * line, which every user of the machine can.
     */
    static final String RESUME_CONVERSATION = "PARLEY_RESUME_CONVERSATION";
    static final String RESUME_PROVIDER = "PARLEY_RESUME_PROVIDER";

    private WindowRestart() {}

    /** On the JavaFX thread: starts the new window and quits this one, or says in a banner why it cannot. */
    static void restart(DesktopUi ui) {
        // Both always set, "" for none: this window may be a restart itself, and its own values are inherited.
        Map<String, String> resume = new HashMap<>(Map.of(RESUME_CONVERSATION, "", RESUME_PROVIDER, ""));
        ConversationsViewModel conversations = ui.conversations();
        if (conversations.saveCurrentBeforeExit()) {
            resume.put(RESUME_CONVERSATION, conversations.currentProperty().get());
        }
        ProviderSwitcherViewModel.Item answering = ui.providers().activeProperty().get();
        if (answering != null) {
            resume.put(RESUME_PROVIDER, answering.name());
        }
        // Before the new start looks: it must wait for this window to go, not bring it forward.
        Desktop.stopBeingFound.run();
        try {
            VectorApiLaunch.startWindowAgain(Desktop.windowArguments(), resume);
        } catch (IOException e) {
            LOG.error("Parley could not start again with the Vector API: {}", e.getMessage());
            ui.banners().show(Banner.error("restart", "Parley could not start again (" + e.getMessage()
                    + "). Close Parley and start it again."));
            return;
        }
        LOG.info("Parley starts again with the Vector API; this window quits");
        Platform.exit();
    }

    /** When this window is a restart: continues the conversation and the provider of the one before. */
    static void resume(DesktopUi ui) {
        variable(RESUME_PROVIDER).ifPresent(ui.providers()::switchTo);
        variable(RESUME_CONVERSATION).ifPresent(ui.conversations()::resume);
    }

    private static Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
