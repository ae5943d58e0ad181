package dev.parley.ui;

import dev.parley.VectorApiLaunch;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.ConversationsViewModel;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Opens the window again in a new process, for a provider chosen after the start that can answer only
 * in a new one: an embedded model needs Java's Vector API, which a JVM turns on only at start
 * ({@code dev.parley.VectorApiLaunch}). The conversation on show is saved, and the new window continues it.
 */
final class WindowRestart {

    private static final Logger LOG = LogManager.getLogger(WindowRestart.class);

    /**
     * Names the conversation the new window continues: in its environment, which only the user can read,
     * rather than on its command line, which every user of the machine can.
     */
    static final String RESUME = "PARLEY_RESUME_CONVERSATION";

    private WindowRestart() {}

    /** On the JavaFX thread: starts the new window and quits this one, or says in a banner why it cannot. */
    static void restart(DesktopUi ui) {
        ConversationsViewModel conversations = ui.conversations();
        Map<String, String> resume = conversations.saveCurrentBeforeExit()
                ? Map.of(RESUME, conversations.currentProperty().get()) : Map.of();
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

    /** The conversation to continue, when this window is a restart of one that had a conversation. */
    static Optional<String> resumed() {
        return Optional.ofNullable(System.getenv(RESUME)).filter(name -> !name.isBlank());
    }
}
