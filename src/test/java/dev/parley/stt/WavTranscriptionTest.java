package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.EndlessInput;
import dev.parley.audio.WavStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpeechRecognizer#transcribe(WavStream)}: files of any length go to the model in small blocks. */
class WavTranscriptionTest {

    @Test
    void feedsALongFileToTheModelInBlocksAtTheModelRate() throws IOException {
        int minutes = 10;
        long dataBytes = minutes * 60L * 44100 * 2;
        byte[] header = monoPcm16Header(44100, dataBytes);
        byte[] tone = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 8000).array();
        EndlessInput input = new EndlessInput(header, tone, header.length + dataBytes + 65536);
        BlockRecorder recognizer = new BlockRecorder();

        try (WavStream wav = WavStream.of(input, "talk.wav")) {
            String text = recognizer.transcribe(wav);

            assertThat(text).isEqualTo("heard 9600000 samples");
            assertThat(wav.shortfall()).isEmpty();
        }
        assertThat(recognizer.largestBlock).as("one second at 16 kHz at most").isLessThanOrEqualTo(16000);
        assertThat(input.bytesRead()).as("no more than a read-ahead buffer past the audio")
                .isBetween(header.length + dataBytes, header.length + dataBytes + 8192);
    }

    private static byte[] monoPcm16Header(int rate, long dataBytes) {
        return ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt((int) dataBytes).array();
    }

    /** Counts what the model is given, and how much at once. */
    private static final class BlockRecorder implements SpeechRecognizer {
        final List<Integer> blocks = new ArrayList<>();
        int largestBlock;

        @Override
        public RecognitionStream stream() {
            return new RecognitionStream() {
                @Override
                public void accept(float[] samples) {
                    blocks.add(samples.length);
                    largestBlock = Math.max(largestBlock, samples.length);
                }

                @Override
                public String partial() {
                    return "";
                }

                @Override
                public String finish() {
                    long total = blocks.stream().mapToLong(Integer::longValue).sum();
                    // The resampler holds back half its filter at the end; round to the second.
                    return "heard " + Math.round(total / 16000.0) * 16000 + " samples";
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
