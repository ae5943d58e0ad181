package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {

    @TempDir
    Path dev;

    @Test
    void aMachineWithoutRenderNodesHasNoGpu() throws Exception {
        Files.createFile(dev.resolve("null"));

        assertThat(Rendering.hasGpu(dev)).isFalse();
    }

    @Test
    void aDrmFolderIsAGpu() throws Exception {
        Files.createDirectory(dev.resolve("dri"));

        assertThat(Rendering.hasGpu(dev)).isTrue();
    }

    @Test
    void anNvidiaDeviceIsAGpu() throws Exception {
        Files.createFile(dev.resolve("nvidia0"));

        assertThat(Rendering.hasGpu(dev)).isTrue();
    }
}
