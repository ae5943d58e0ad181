package dev.parley.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: a node by CSS id, and waiting for a condition read on the FX thread. */
public final class FxLookup {

    private FxLookup() {}

    public static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    /** Waits up to 5 s until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Platform.runLater(() -> result.complete(condition.getAsBoolean()));
            return result.get();
        });
    }
}
