package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {

    @TempDir
    Path folder;
    Path config;
    String shipped;

    @BeforeEach
    void shippedConfig() throws Exception {
        config = folder.resolve("config.yaml");
        ConfigLoader.createFromShipped(config);
        shipped = Files.readString(config);
    }

    @Test
    void settingsChangesKeepEveryCommentAndTheOrderOfUntouchedKeys() throws Exception {
        ConfigWriter.Settings was = ConfigWriter.Settings.of(new ConfigLoader().load(config));
        Map<String, ProviderConfig> providers = new LinkedHashMap<>(was.providers());
        providers.remove("deepseek");
        providers.put("lmstudio", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, "http://127.0.0.1:1234/v1",
                "qwen2.5-7b-instruct", "LMSTUDIO_API_KEY", null, null, null));

        ParleyConfig saved = new ConfigWriter().save(config, new ConfigWriter.Settings("lmstudio", providers,
                "Be brief.\nAnd kind.", was.voice(), 1.25, 0.8, "", "USB Headset", true, false, "", "F8", "dark",
                true, "ctrl+alt+space", true));

        String after = Files.readString(config);
        assertThat(commentsOf(after)).containsExactlyElementsOf(commentsOf(shipped).stream()
                .filter(line -> !line.contains("Any OpenAI-compatible endpoint")).toList()); // deepseek's, removed with it
        assertThat(topLevelKeys(after)).containsExactlyElementsOf(topLevelKeys(shipped));
        assertThat(after).contains("  rate: 1.25\n", "  hands-free: true\n", "  theme: dark\n", "  active: lmstudio\n",
                "    lmstudio:\n      type: openai-compatible\n      base-url: http://127.0.0.1:1234/v1\n");
        assertThat(after).doesNotContain("deepseek");
        assertThat(after.indexOf("    gemini:")).isLessThan(after.indexOf("    lmstudio:"));
        assertThat(saved.llm().systemPrompt()).isEqualTo("Be brief.\nAnd kind.");
        assertThat(saved.api().enabled()).as("the Control API checkbox").isTrue();
        assertThat(after.substring(after.indexOf("\napi:"))).contains("  enabled: true\n");
        assertThat(saved.llm().providers().get("anthropic").maxTokens()).isEqualTo(1024);
        assertThat(saved.tts().rate()).isEqualTo(1.25);
        assertThat(saved.ui().globalPushToTalkKey()).isEqualTo("ctrl+alt+space");
        assertThat(saved.ui().closeToTray()).isTrue();
        assertThat(after).contains("  global-push-to-talk-key: ctrl+alt+space\n", "  close-to-tray: true\n");
        assertThat(saved.audio().inputDevice()).isEqualTo("USB Headset");
        assertThat(saved.audio().talkOver()).as("the talk-over checkbox").isFalse();
        assertThat(after).contains("  talk-over: false\n");
        assertThat(Files.readString(folder.resolve("config.yaml.bak"))).isEqualTo(shipped);
    }

    @Test
    void savingUnchangedSettingsChangesNoCharacter() throws Exception {
        new ConfigWriter().save(config, ConfigWriter.Settings.of(new ConfigLoader().load(config)));

        assertThat(Files.readString(config)).isEqualTo(shipped);
    }

    @Test
    void aChangedValueChangesOnlyItsLine() throws Exception {
        new ConfigWriter().update(config, edits -> edits.set(List.of("tts", "volume"), 0.5));

        assertThat(Files.readString(config)).isEqualTo(shipped.replace("  volume: 1.0\n", "  volume: 0.5\n"));
    }

    @Test
    void theWelcomeChoiceSwitchesTheActiveProviderAndKeepsComments() throws Exception {
        new ConfigWriter().activate(config, "anthropic", Map.of(), Map.of());

        assertThat(Files.readString(config)).isEqualTo(shipped.replace("  active: ollama\n", "  active: anthropic\n"));
    }

    @Test
    void aNewProviderTakesThePlaceOfItsCommentedOutExample() throws Exception {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "embedded");
        entry.put("model", "a/b");
        new ConfigWriter().activate(config, "embedded", entry, Map.of("max-tokens", 256));

        String after = Files.readString(config);
        assertThat(after).contains("    # A model that runs inside Parley itself",
                "    embedded:\n      type: embedded\n      model: a/b\n      max-tokens: 256\n\n# Usage analytics");
        assertThat(after).doesNotContain("# embedded:");
        assertThat(new ConfigLoader().load(config).llm().active()).isEqualTo("embedded");
    }

    @Test
    void missingSectionsAndKeysAreAddedAtTheEndOfTheirSection() throws Exception {
        Files.writeString(config, "# mine\nllm:\n  active: local # the one I use\n  providers:\n"
                + "    local: {type: ollama, model: x}\n");

        ParleyConfig saved = new ConfigWriter().update(config, edits -> edits
                .set(List.of("ui", "theme"), "dark")
                .set(List.of("llm", "providers", "local", "base-url"), "http://localhost:11434"));

        assertThat(Files.readString(config)).isEqualTo("# mine\nllm:\n  active: local # the one I use\n  providers:\n"
                + "    local: {type: ollama, model: x, base-url: http://localhost:11434}\nui:\n  theme: dark\n");
        assertThat(saved.ui().theme()).isEqualTo("dark");
    }

    @Test
    void valuesThatNeedQuotingAreQuoted() throws Exception {
        new ConfigWriter().update(config, edits -> edits.set(List.of("tts", "output-device"), "yes: #1"));

        assertThat(new ConfigLoader().load(config).tts().outputDevice()).isEqualTo("yes: #1");
    }

    @Test
    void aResultTheLoaderRejectsIsRefusedAndTheFileLeftUntouched() throws Exception {
        assertThatThrownBy(() -> new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "pink")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ui.theme is 'pink'");
        assertThatThrownBy(() -> new ConfigWriter().activate(config, "nowhere", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.active is 'nowhere'");

        assertThat(Files.readString(config)).isEqualTo(shipped);
        try (Stream<Path> files = Files.list(folder)) {
            // no candidate or temporary file left; the writers' lock file stays, as lock files do
            assertThat(files).containsExactlyInAnyOrder(config, folder.resolve(".config.yaml.lock"));
        }
    }

    @Test
    void aRefusedResultIsNamedByTheConfigFileNotByTheCandidateThatWasChecked() {
        assertThatThrownBy(() -> new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "pink")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(config + " line ")
                .hasMessageNotContaining(".new");
    }

    @Test
    void aFileBrokenByHandIsNamedInTheLoadersWordsWhenSettingsAreSaved() throws Exception {
        Files.writeString(config, shipped.replace("  hands-free: false\n", "\thands-free: false\n"));

        assertThatThrownBy(() -> new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "dark")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(config + " line ")
                .hasMessageContaining("tab")
                .hasMessageNotContaining("'reader'");
    }

    @Test
    void theSavedFileStaysReadableOnlyByItsOwner() throws Exception {
        new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "dark"));

        assertThat(Files.getPosixFilePermissions(config))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aConfigMadeReadOnlyIsNotReplaced() throws Exception {
        Files.setPosixFilePermissions(config, java.util.Set.of(PosixFilePermission.OWNER_READ));

        assertThatThrownBy(() -> new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "dark")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(config + " is read-only")
                .hasMessageContaining("chmod u+w");
        assertThat(Files.readString(config)).isEqualTo(shipped);
        assertThat(Files.getPosixFilePermissions(config)).containsExactly(PosixFilePermission.OWNER_READ);
    }

    /**
     * A config.yaml linked to a dotfiles copy stays a link, and the save lands in that copy: before, the
     * atomic replace turned the link into a regular file and the dotfiles copy no longer applied.
     */
    @Test
    void aLinkedConfigStaysALinkAndTheSaveLandsInTheFileItLeadsTo() throws Exception {
        Path dotfiles = Files.createDirectory(folder.resolve("dotfiles"));
        Path kept = dotfiles.resolve("parley.yaml");
        Files.move(config, kept);
        Files.createSymbolicLink(dotfiles.resolve("current.yaml"), Path.of("parley.yaml"));
        Files.createSymbolicLink(config, Path.of("dotfiles/current.yaml")); // relative, through a second link

        new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "dark"));

        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(Files.readSymbolicLink(config)).isEqualTo(Path.of("dotfiles/current.yaml"));
        assertThat(Files.isSymbolicLink(dotfiles.resolve("current.yaml"))).isTrue();
        assertThat(Files.readString(kept)).contains("  theme: dark\n");
        assertThat(Files.getPosixFilePermissions(kept))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(folder.resolve("config.yaml.bak"))).isEqualTo(shipped);
    }

    @Test
    void linksThatLeadRoundInACircleAreRefusedInWords() throws Exception {
        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("other.yaml"));
        Files.createSymbolicLink(folder.resolve("other.yaml"), Path.of("config.yaml"));

        assertThatThrownBy(() -> new ConfigWriter().update(config, edits -> edits.set(List.of("ui", "theme"), "dark")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("links lead round in a circle");
    }

    @Test
    void aProviderEditedInTheWindowAfterItWasDeletedFromTheFileIsWrittenWhole() throws Exception {
        ConfigWriter.Settings shown = ConfigWriter.Settings.of(new ConfigLoader().load(config));
        Map<String, ProviderConfig> providers = new LinkedHashMap<>(shown.providers());
        ProviderConfig gemini = providers.get("gemini");
        providers.put("gemini", new ProviderConfig(gemini.type(), gemini.baseUrl(), "gemini-2.5-pro",
                gemini.apiKeyEnv(), null, null, null));
        String deletedByHand = removeEntry(shipped, "gemini");
        Files.writeString(config, deletedByHand);

        ParleyConfig saved = new ConfigWriter().save(config, shown, new ConfigWriter.Settings(shown.active(), providers,
                shown.systemPrompt(), shown.voice(), shown.rate(), shown.volume(), shown.outputDevice(),
                shown.inputDevice(), shown.handsFree(), shown.talkOver(), shown.speechModelPath(),
                shown.pushToTalkKey(), shown.theme(), shown.apiEnabled(), shown.globalPushToTalkKey(),
                shown.closeToTray()));

        assertThat(saved.llm().providers().get("gemini")).extracting(ProviderConfig::type, ProviderConfig::baseUrl,
                ProviderConfig::model, ProviderConfig::apiKeyEnv)
                .containsExactly(gemini.type(), gemini.baseUrl(), "gemini-2.5-pro", gemini.apiKeyEnv());
        assertThat(Files.readString(config)).as("the rest of the file as the hand edit left it")
                .startsWith(deletedByHand.substring(0, deletedByHand.indexOf("  providers:")));
    }

    @Test
    void aProviderDeletedFromTheFileWhileTheWindowLeftItAloneStaysDeleted() throws Exception {
        ConfigWriter.Settings shown = ConfigWriter.Settings.of(new ConfigLoader().load(config));
        Files.writeString(config, removeEntry(shipped, "gemini"));

        ParleyConfig saved = new ConfigWriter().save(config, shown, withTheme(shown, "dark"));

        assertThat(saved.llm().providers()).doesNotContainKey("gemini");
        assertThat(saved.ui().theme()).isEqualTo("dark");
    }

    @Test
    void aProviderChosenInTheWindowAfterItWasDeletedFromTheFileIsWrittenAgain() throws Exception {
        ConfigWriter.Settings shown = ConfigWriter.Settings.of(new ConfigLoader().load(config));
        Files.writeString(config, removeEntry(shipped, "gemini"));

        ParleyConfig saved = new ConfigWriter().save(config, shown, new ConfigWriter.Settings("gemini",
                shown.providers(), shown.systemPrompt(), shown.voice(), shown.rate(), shown.volume(),
                shown.outputDevice(), shown.inputDevice(), shown.handsFree(), shown.talkOver(),
                shown.speechModelPath(), shown.pushToTalkKey(), shown.theme(), shown.apiEnabled(),
                shown.globalPushToTalkKey(), shown.closeToTray()));

        assertThat(saved.llm().active()).isEqualTo("gemini");
        assertThat(saved.llm().providers().get("gemini").model()).isEqualTo("gemini-2.5-flash");
    }

    private static ConfigWriter.Settings withTheme(ConfigWriter.Settings shown, String theme) {
        return new ConfigWriter.Settings(shown.active(), shown.providers(), shown.systemPrompt(), shown.voice(),
                shown.rate(), shown.volume(), shown.outputDevice(), shown.inputDevice(), shown.handsFree(),
                shown.talkOver(), shown.speechModelPath(), shown.pushToTalkKey(), theme, shown.apiEnabled(),
                shown.globalPushToTalkKey(), shown.closeToTray());
    }

    /** {@code yaml} without the lines of provider {@code name}'s entry. */
    private static String removeEntry(String yaml, String name) {
        StringBuilder kept = new StringBuilder();
        boolean inEntry = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("    " + name + ":")) {
                inEntry = true;
                continue;
            }
            if (inEntry && !line.startsWith("      ")) {
                inEntry = false;
            }
            if (!inEntry) {
                kept.append(line).append('\n');
            }
        }
        return kept.substring(0, kept.length() - 1);
    }

    private static List<String> commentsOf(String yaml) {
        return yaml.lines().map(String::strip).filter(line -> line.startsWith("#")).toList();
    }

    private static List<String> topLevelKeys(String yaml) {
        return yaml.lines().filter(line -> line.matches("[a-z].*:.*")).toList();
    }

}
