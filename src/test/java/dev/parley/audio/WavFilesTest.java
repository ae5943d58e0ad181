package dev.parley.audio;

import static dev.parley.audio.WavBytes.A_LAW;
import static dev.parley.audio.WavBytes.IEEE_FLOAT;
import static dev.parley.audio.WavBytes.MU_LAW;
import static dev.parley.audio.WavBytes.PCM;
import static dev.parley.audio.WavBytes.ascii;
import static dev.parley.audio.WavBytes.chunk;
import static dev.parley.audio.WavBytes.chunkDeclaring;
import static dev.parley.audio.WavBytes.concat;
import static dev.parley.audio.WavBytes.encode;
import static dev.parley.audio.WavBytes.fmt;
import static dev.parley.audio.WavBytes.fmtExtensible;
import static dev.parley.audio.WavBytes.riffWave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WavFilesTest {

    /** Full-scale edges and values between them, exact in every encoding's resolution or close to it. */
    private static final float[] PROBE = {0f, 0.5f, -0.5f, 0.25f, -0.75f, 0.999f, -1f, 0.001f};

    @TempDir
    Path dir;

    // ---- fixtures made by espeak-ng and sox (scripts/make-test-audio) ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "weather-8k-s16-mono.wav,     8000,  23593",
        "weather-16k-s16-mono.wav,   16000,  47187",
        "weather-16k-u8-mono.wav,    16000,  47187",
        "weather-22k-s16-stereo.wav, 22050,  65029",
        "weather-44k-s16-stereo.wav, 44100, 130058",
        "weather-48k-s16-stereo.wav, 48000, 141560",
        "weather-48k-s24-mono.wav,   48000, 141560",
        "weather-48k-f32-mono.wav,   48000, 141560",
        "lights-16k-s16-mono.wav,    16000,  48830",
    })
    void readsEveryFixtureAtItsRateAndLength(String file, int rate, int frames) throws IOException {
        AudioClip clip = WavFiles.readMono(fixture(file));

        assertThat(clip.sampleRate()).isEqualTo(rate);
        assertThat(clip.samples()).hasSize(frames);
        assertThat(clip.durationSeconds()).isCloseTo(frames / (double) rate, within(1e-9));
        assertThat(Signals.peak(clip)).as("speech, not silence or noise").isBetween(0.1, 1.0);
        assertThat(leadingSilenceSeconds(clip)).as("the 0.5 s pad before the speech").isBetween(0.45, 0.6);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        // sox made them without dither, so they differ from the float one only by rounding.
        "weather-48k-s24-mono.wav,   weather-48k-f32-mono.wav, 0.0000002",
        "weather-48k-s16-stereo.wav, weather-48k-f32-mono.wav, 0.00004",
        "weather-16k-u8-mono.wav,    weather-16k-s16-mono.wav, 0.0079",
    })
    void encodingsOfTheSameAudioDecodeToNearlyTheSameSamples(String file, String reference, double tolerance)
            throws IOException {
        float[] samples = WavFiles.readMono(fixture(file)).samples();
        float[] expected = WavFiles.readMono(fixture(reference)).samples();

        assertThat(samples).hasSameSizeAs(expected);
        assertThat(maxDifference(samples, expected)).isLessThanOrEqualTo(tolerance);
    }

    // ---- encodings and layouts built byte by byte ----

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("8-bit unsigned PCM", fmt(PCM, 1, 8000, 8), "u8", 1 / 128.0),
                Arguments.of("16-bit PCM", fmt(PCM, 1, 8000, 16), "s16", 1 / 32768.0),
                Arguments.of("24-bit PCM", fmt(PCM, 1, 8000, 24), "s24", 1 / 8388608.0),
                Arguments.of("32-bit PCM", fmt(PCM, 1, 8000, 32), "s32", 1e-7),
                Arguments.of("32-bit float", fmt(IEEE_FLOAT, 1, 8000, 32), "f32", 0),
                Arguments.of("64-bit float", fmt(IEEE_FLOAT, 1, 8000, 64), "f64", 0),
                Arguments.of("extensible 16-bit PCM", fmtExtensible(PCM, 1, 8000, 16), "s16", 1 / 32768.0),
                Arguments.of("extensible 24-bit PCM", fmtExtensible(PCM, 1, 8000, 24), "s24", 1 / 8388608.0),
                Arguments.of("extensible 32-bit float", fmtExtensible(IEEE_FLOAT, 1, 8000, 32), "f32", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void decodesEachSampleEncoding(String description, byte[] fmtChunk, String encoding, double resolution)
            throws IOException {
        byte[] wav = riffWave(fmtChunk, chunk("data", encode(encoding, PROBE)));

        float[] samples = WavFiles.readMono(write(wav)).samples();

        assertThat(samples).hasSize(PROBE.length);
        for (int i = 0; i < PROBE.length; i++) {
            assertThat((double) samples[i]).as("sample %d", i).isCloseTo(PROBE[i], within(resolution));
        }
    }

    @ParameterizedTest(name = "right channel = {0} x left gives amplitude {1}")
    @CsvSource({
        " 0, 0.4",  // sound in one channel only keeps half its amplitude
        " 1, 0.8",
        "-1, 0.0",  // opposite phases cancel
    })
    void averagesStereoChannels(float rightGain, double expectedAmplitude) throws IOException {
        float[] left = Signals.sine(1000, 0.8, 0.5, 16000).samples();
        float[] frames = new float[2 * left.length];
        for (int i = 0; i < left.length; i++) {
            frames[2 * i] = left[i];
            frames[2 * i + 1] = rightGain * left[i];
        }

        AudioClip mono = WavFiles.readMono(write(WavBytes.pcm16(16000, 2, frames)));

        assertThat(mono.samples()).hasSize(left.length);
        assertThat(Signals.amplitudeAt(mono, 1000)).isCloseTo(expectedAmplitude, within(0.001));
    }

    @Test
    void averagesAnyNumberOfChannels() throws IOException {
        // Six channels (5.1) holding 0.6, 0, 0, 0, 0, -0.3 average to 0.05.
        float[] frame = {0.6f, 0, 0, 0, 0, -0.3f};
        byte[] wav = riffWave(fmtExtensible(PCM, 6, 48000, 16), chunk("data", encode("s16", twice(frame))));

        AudioClip mono = WavFiles.readMono(write(wav));

        assertThat(mono.samples()).hasSize(2);
        assertThat((double) mono.samples()[1]).isCloseTo(0.05, within(1e-4));
    }

    @Test
    void skipsChunksItDoesNotNeedIncludingOddSizedOnes() throws IOException {
        byte[] audio = encode("s16", PROBE);
        byte[] wav = riffWave(
                chunk("LIST", concat(ascii("INFO"), chunk("INAM", ascii("odd\0")))),
                chunk("junk", new byte[] {1, 2, 3}), // odd size: a pad byte follows
                fmt(PCM, 1, 16000, 16),
                chunk("fact", WavBytes.le32(PROBE.length)),
                chunk("data", audio),
                chunk("id3 ", ascii("trailing tag")));

        float[] samples = WavFiles.readMono(write(wav)).samples();

        assertThat(samples).containsExactly(WavFiles.readMono(write(WavBytes.pcm16(16000, 1, PROBE))).samples());
    }

    @ParameterizedTest(name = "data size {0}")
    @CsvSource({"0", "4294967295"})
    void readsStreamedDataToTheEndOfTheFile(long declaredDataSize) throws IOException {
        // Streaming recorders cannot know the size up front and leave 0, 0xFFFFFFFF or a guess.
        byte[] wav = riffWave(fmt(PCM, 1, 16000, 16), chunkDeclaring("data", declaredDataSize, encode("s16", PROBE)));

        assertThat(WavFiles.readMono(write(wav)).samples()).hasSize(PROBE.length);
    }

    @Test
    void dropsATruncatedLastFrame() throws IOException {
        // Two whole 24-bit stereo frames (12 bytes) and 4 bytes of a third.
        byte[] data = encode("s24", 0.5f, 0.5f, -0.5f, -0.5f, 0.25f, 0.25f);
        byte[] cut = Arrays.copyOf(data, 16);
        byte[] wav = riffWave(fmt(PCM, 2, 16000, 24), chunkDeclaring("data", 0, cut));

        float[] samples = WavFiles.readMono(write(wav)).samples();

        assertThat(samples).containsExactly(0.5f, -0.5f);
    }

    @Test
    void readsFromAStreamLikeFromAFile() throws IOException {
        Path file = fixture("weather-8k-s16-mono.wav");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(WavFiles.readMono(in, "upload").samples()).containsExactly(WavFiles.readMono(file).samples());
        }
    }

    // ---- errors ----

    @Test
    void refusesAFileThatHoldsLessAudioThanItsHeaderAnnounces() throws IOException {
        byte[] wav = riffWave(fmt(PCM, 1, 16000, 16), chunkDeclaring("data", 1_000_000, encode("s16", PROBE)));
        Path file = write(wav);

        assertThatThrownBy(() -> WavFiles.readMono(file))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith(file + " is cut off: its header announces 31.3 s of audio but the file ends after 0.0 s")
                .hasMessageContaining("sox --ignore-length");
    }

    @Test
    void recognizesAnEndlessDeviceAsNotAWavFileWithoutReadingItWhole() {
        EndlessInput zeros = new EndlessInput(new byte[0], new byte[1], 1 << 20);

        assertThatThrownBy(() -> WavFiles.readMono(zeros, "/dev/zero"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("/dev/zero is not a WAV file (it starts with '\\x00\\x00\\x00\\x00')");
    }

    @Test
    void refusesToLoadMoreAudioThanAClipMayHoldBeforeRunningOutOfMemory() {
        byte[] header = riffWave(fmt(PCM, 2, 48000, 16), chunkDeclaring("data", 0xFFFFFFFFL, new byte[0]));
        int maxSamples = 48000 * 5;
        EndlessInput endless = new EndlessInput(header, encode("s16", 0.1f, -0.1f), 4L * maxSamples + (1 << 20));

        assertThatThrownBy(() -> WavFiles.readMono(endless, "long.wav", maxSamples))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("long.wav is too long to load whole: Parley holds at most 0 min of 48,000 Hz audio"
                        + " in memory at once; transcribe it with parley transcribe, which reads files of any"
                        + " length, or cut it into pieces");
    }

    @Test
    void refusesAHeaderAnnouncingMoreThanAClipMayHoldBeforeReadingAnyAudio() {
        byte[] wav = riffWave(fmt(PCM, 1, 16000, 16), chunkDeclaring("data", 4_000_000_000L, new byte[0]));
        EndlessInput endless = new EndlessInput(wav, new byte[2], wav.length + (1 << 17));

        assertThatThrownBy(() -> WavFiles.readMono(endless, "huge.wav"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("huge.wav is too long to load whole");
    }

    static Stream<Arguments> unreadableFiles() {
        byte[] someAudio = encode("s16", PROBE);
        return Stream.of(
                bad("a text file", ascii("hello, this is not audio\n"),
                        "is not a WAV file", "it starts with 'hell'", "convert it with: sox "),
                bad("an MP3 named .wav", concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 0}),
                        "looks like MP3", "sox -t mp3 "),
                bad("an empty file", new byte[0], "is empty"),
                bad("a cut-off header", ascii("RIFF\0\0"), "cut off"),
                bad("an AVI", concat(ascii("RIFF"), WavBytes.le32(4), ascii("AVI ")), "holding 'AVI ' data"),
                bad("\u03bc-law", riffWave(fmt(MU_LAW, 1, 8000, 8), chunk("data", someAudio)),
                        "\u03bc-law compressed", "format code 0x0007", "-e signed-integer -b 16"),
                bad("A-law", riffWave(fmt(A_LAW, 1, 8000, 8), chunk("data", someAudio)), "A-law compressed"),
                bad("IMA ADPCM", riffWave(fmt(0x11, 1, 8000, 4), chunk("data", someAudio)), "IMA ADPCM compressed"),
                bad("MP3 inside WAV", riffWave(fmt(0x55, 1, 8000, 0), chunk("data", someAudio)), "MP3 compressed"),
                bad("extensible \u03bc-law", riffWave(fmtExtensible(MU_LAW, 1, 8000, 8), chunk("data", someAudio)),
                        "\u03bc-law compressed"),
                bad("zero channels", riffWave(fmt(PCM, 0, 8000, 16), chunk("data", someAudio)), "0 audio channels"),
                bad("12-byte samples", riffWave(fmt(PCM, 1, 8000, 96), chunk("data", someAudio)),
                        "96-bit integer samples"),
                bad("no data chunk", riffWave(fmt(PCM, 1, 8000, 16), chunk("LIST", ascii("INFO"))),
                        "has no 'data' chunk", "found: 'fmt ', 'LIST'"),
                bad("no fmt chunk", riffWave(chunk("data", someAudio)), "has no 'fmt ' chunk"),
                bad("a rate of 1 MHz", riffWave(fmt(PCM, 1, 1_000_000, 16), chunk("data", someAudio)),
                        "declares a sample rate of 1,000,000 Hz", "4,000 to 384,000 Hz", "sox "),
                bad("a rate of 100 Hz", riffWave(fmt(PCM, 1, 100, 16), chunk("data", someAudio)),
                        "declares a sample rate of 100 Hz"),
                bad("a data chunk before the fmt chunk", riffWave(chunk("data", someAudio), fmt(PCM, 1, 8000, 16)),
                        "has no 'fmt ' chunk before its audio"),
                bad("a LIST chunk claiming more than the file", riffWave(fmt(PCM, 1, 8000, 16),
                        chunkDeclaring("LIST", 0xFFFFFF00L, ascii("INFO"))), "has no 'data' chunk"),
                bad("an empty data chunk", riffWave(fmt(PCM, 1, 8000, 16), chunk("data", new byte[0])),
                        "contains no audio"),
                bad("less than one frame", riffWave(fmt(PCM, 2, 8000, 16), chunk("data", new byte[] {1, 2})),
                        "contains no audio", "less than one 4-byte frame"));
    }

    private static Arguments bad(String description, byte[] file, String... messageParts) {
        return Arguments.of(Named.of(description, file), messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void explainsWhyAFileCannotBeRead(byte[] file, String[] messageParts) throws IOException {
        Path wav = write(file);

        assertThatThrownBy(() -> WavFiles.readMono(wav))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith(wav.toString())
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void explainsAMissingFile() {
        Path missing = dir.resolve("nope.wav");

        assertThatThrownBy(() -> WavFiles.readMono(missing))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContainingAll(missing.toString(), "does not exist", "check the path");
    }

    @Test
    void quotesFileNamesWithSpacesInTheSuggestedCommand() {
        InputStream ogg = new ByteArrayInputStream(ascii("OggS...."));

        assertThatThrownBy(() -> WavFiles.readMono(ogg, "my song.wav")).hasMessage(
                "my song.wav is not a WAV file (it starts with 'OggS', which looks like Ogg audio); convert it with:"
                        + " sox -t ogg 'my song.wav' -r 16000 -c 1 -b 16 'my song-16k.wav'");
    }

    @Test
    void suggestsAConvertedFileInTheCurrentFolderForADevice() {
        InputStream zeros = new ByteArrayInputStream(new byte[64]);

        assertThatThrownBy(() -> WavFiles.readMono(zeros, "/dev/zero"))
                .hasMessageEndingWith("sox /dev/zero -r 16000 -c 1 -b 16 zero-16k.wav");
    }

    // ---- writing ----

    @Test
    void writesSixteenBitMonoThatReadsBackAndThatJavaSoundAccepts() throws Exception {
        AudioClip clip = Signals.sine(440, 0.9, 0.25, 22050);
        Path wav = dir.resolve("new/sub/dir/tone.wav");

        WavFiles.write(wav, clip);

        assertThat(wav).hasSize(44 + 2L * clip.samples().length);
        AudioFileFormat independent = AudioSystem.getAudioFileFormat(wav.toFile());
        assertThat(independent.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(independent.getFormat().getSampleRate()).isEqualTo(22050f);
        assertThat(independent.getFormat().getChannels()).isEqualTo(1);
        assertThat(independent.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(independent.getFrameLength()).isEqualTo(clip.samples().length);
        float[] back = WavFiles.readMono(wav).samples();
        // Half a step of rounding, plus AudioClip.toPcm16le's scale of 32767 against the 32768 of decoding.
        assertThat(maxDifference(back, clip.samples())).isLessThanOrEqualTo(1.5 / 32768);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFilesBehind() throws IOException {
        Path wav = dir.resolve("out.wav");
        Files.writeString(wav, "old content");

        WavFiles.write(wav, AudioClip.silence(0.1, 16000));

        assertThat(WavFiles.readMono(wav).samples()).hasSize(1600);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(wav);
        }
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "case", ".wav"), bytes);
    }

    static Path fixture(String name) {
        try {
            return Path.of(WavFilesTest.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test fixture audio/" + name + "; run scripts/make-test-audio", e);
        }
    }

    private static float[] twice(float[] frame) {
        float[] frames = Arrays.copyOf(frame, 2 * frame.length);
        System.arraycopy(frame, 0, frames, frame.length, frame.length);
        return frames;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            max = Math.max(max, Math.abs(a[i] - (double) b[i]));
        }
        return max;
    }

    private static double leadingSilenceSeconds(AudioClip clip) {
        float[] x = clip.samples();
        int i = 0;
        while (i < x.length && Math.abs(x[i]) < 0.01) {
            i++;
        }
        return i / (double) clip.sampleRate();
    }
}
