package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.yaml changed outside Parley while it runs is applied, or said to be broken, and nothing else. */
class ConfigFileWatchTest {

    @TempDir
    Path folder;

    private Path file;
    private final AtomicReference<ParleyConfig> inUse = new AtomicReference<>();
    private final ConfigChanges changes = new ConfigChanges();
    private final List<ParleyConfig> published = new CopyOnWriteArrayList<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final ConfigFileWatch.Listener listener = new ConfigFileWatch.Listener() {
        @Override
        public void loaded(boolean newSettings) {
            told.add(newSettings ? "new settings" : "loads");
        }

        @Override
        public void broken(String problem) {
            told.add("broken: " + problem);
        }
    };
    private long stamp = 1;

    @BeforeEach
    void aRunningParley() throws Exception {
        file = TestConfigs.withSection(folder, "tts:\n  rate: 1.0\n");
        inUse.set(new ConfigLoader().load(file));
        changes.subscribe(published::add);
        changes.subscribe(inUse::set); // as the window keeps the config it runs with
    }

    private ConfigFileWatch watch() {
        ConfigFileWatch watch = new ConfigFileWatch(file, changes, inUse::get);
        watch.reportTo(listener);
        return watch;
    }

    /** Writes the file as an editor would, with a new modification time (file systems with coarse times). */
    private void edit(String from, String to) throws Exception {
        Files.writeString(file, Files.readString(file).replace(from, to));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(stamp++)));
    }

    @Test
    void anEditThatLoadsIsAppliedAtTheNextLookAndBecomesTheLastGoodConfig() throws Exception {
        ConfigFileWatch watch = watch();
        watch.look();
        assertThat(told).as("nothing changed yet").isEmpty();
        edit("rate: 1.0", "rate: 1.5");

        watch.look();

        assertThat(published).singleElement().satisfies(config -> assertThat(config.tts().rate()).isEqualTo(1.5));
        assertThat(told).containsExactly("new settings");
        assertThat(LastGoodConfig.copyOf(file)).content().contains("rate: 1.5");
        watch.look();
        assertThat(published).hasSize(1); // read once per change
    }

    @Test
    void aBrokenEditIsToldWithItsLineAndTheSettingsInUseStayUntilItIsFixed() throws Exception {
        ConfigFileWatch watch = watch();
        edit("rate: 1.0", "rate: fast");
        watch.look();

        assertThat(published).isEmpty();
        assertThat(inUse.get().tts().rate()).isEqualTo(1.0);
        assertThat(told).singleElement().asString().startsWith("broken: " + file + " line ")
                .contains("tts.rate must be a number (found 'fast')");

        edit("rate: fast", "rate: 0.8");
        watch.look();
        assertThat(published).singleElement().satisfies(config -> assertThat(config.tts().rate()).isEqualTo(0.8));
        assertThat(told).last().isEqualTo("new settings");
    }

    @Test
    void parleysOwnSaveOrAnEditOfCommentsOnlyPublishesNothingMore() throws Exception {
        ConfigFileWatch watch = watch();
        ParleyConfig saved = new ConfigWriter().update(file, edits -> edits.set(List.of("tts", "volume"), 0.5));
        changes.publish(saved); // the saver publishes its own save
        published.clear();
        watch.look();
        edit("tts:", "# the voice\ntts:");
        watch.look();

        assertThat(published).isEmpty();
        assertThat(told).containsExactly("loads", "loads");
    }

    @Test
    void aLookBetweenParleysOwnSaveAndItsPublishingTakesNothingForAnEdit() throws Exception {
        ConfigFileWatch watch = watch();

        ParleyConfig saved = watch.ownSave(() -> new ConfigWriter().update(file,
                edits -> edits.set(List.of("tts", "volume"), 0.5)));
        watch.look(); // the window gained the focus before the saver published

        assertThat(published).isEmpty();
        assertThat(told).isEmpty();
        assertThat(saved.tts().volume()).isEqualTo(0.5);
    }

    @Test
    void aFileRemovedMidSaveIsNotRead() throws Exception {
        ConfigFileWatch watch = watch();
        Files.delete(file);
        watch.look();

        assertThat(published).isEmpty();
        assertThat(told).isEmpty();
    }
}
