package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run's copy of config.yaml that cannot be made says what to do about the folder: "check that
 * the folder is writable" was said of a full disk and of a config folder linked to a disk not mounted too.
 */
class ConfigFileCreationTest {

    @TempDir
    Path folder;

    @Test
    void aConfigFolderLinkedToAMissingFolderIsNamedWithWhereItLeads() throws Exception {
        Path unmounted = folder.resolve("usb-disk").resolve("parley");
        Path configFolder = Files.createSymbolicLink(folder.resolve("parley"), unmounted);

        assertThatThrownBy(() -> ConfigLoader.createFromShipped(configFolder.resolve("config.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(" + configFolder + " leads to " + unmounted + ", which does not exist)")
                .hasMessageEndingWith(". Make " + unmounted + " (or connect the disk it is on), or remove the link "
                        + configFolder + ". Or pass --config FILE.")
                .hasMessageNotContaining("writable");
    }

    @Test
    void aFileWhereTheConfigFolderGoesIsNamedToBeMoved() throws Exception {
        Path fileInTheWay = Files.writeString(folder.resolve("parley"), "not a folder");

        assertThatThrownBy(() -> ConfigLoader.createFromShipped(fileInTheWay.resolve("config.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(fileInTheWay + " is a file, not a folder: move it away. Or pass --config FILE.");
    }
}
