package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class NativeLibraryFoldersTest {

    @Test
    void namesTheMultiarchFoldersOfTheJvmsProcessorFirst() {
        assertThat(NativeLibraryFolders.linux("amd64")).startsWith("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu")
                .contains("/usr/lib64", "/usr/lib", "/usr/local/lib");
        assertThat(NativeLibraryFolders.linux("aarch64")).first().isEqualTo("/usr/lib/aarch64-linux-gnu");
    }

    @Test
    void libcIsInOneOfTheFoldersNamedForThisMachine() {
        // The library the window's first native call needs (ProcessEnvironment): JNA must find it there.
        String arch = System.getProperty("os.arch");
        assertThat(NativeLibraryFolders.linux(arch).stream().map(Path::of)
                .anyMatch(folder -> Files.exists(folder.resolve("libc.so.6")))).isTrue();
    }

    @Test
    void loadsLibcWithTheFoldersNamedAndStartsNoProcessForIt() throws Exception {
        assertThat(runLoadLibc(true)).contains("HOME=" + System.getenv("HOME")).contains("processes started: []");
        // Without the folders named, JNA asks ldconfig: what the first assertion would catch coming back.
        assertThat(runLoadLibc(false)).contains("HOME=" + System.getenv("HOME")).contains("ldconfig");
    }

    /** Runs LoadLibc in a JVM of its own (this one's JNA may have read its folders already); its output. */
    private static String runLoadLibc(boolean named) throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LoadLibc.class.getName(), String.valueOf(named)).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(output).isZero();
        return output;
    }

    /** Loads libc as ProcessEnvironment does, after Main's first step or not; prints what it read and the processes it started. */
    static final class LoadLibc {
        public static void main(String[] args) throws Exception {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ProcessStart");
                recording.start();
                if (Boolean.parseBoolean(args[0])) {
                    NativeLibraryFolders.nameUnlessNamed();
                }
                String home = ProcessEnvironment.get("HOME");
                recording.stop();
                Path file = Files.createTempFile("load-libc", ".jfr");
                recording.dump(file);
                List<String> started = RecordingFile.readAllEvents(file).stream()
                        .map(event -> event.getString("command")).toList();
                Files.delete(file);
                System.out.println("HOME=" + home + " processes started: " + started);
            }
        }
    }
}
