package dev.parley.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongToDoubleFunction;

/**
 * A capture device under the test's control: it delivers a signal in real time, and can be told to
 * stall, to fail reads, or to refuse opening, as real devices do when unplugged or suspended.
 */
final class FakeCaptureDevice implements CaptureDevice {

    private final int rate;
    /** 200 ms, as JavaSoundInput's line holds. */
    private final int capacity;
    /** The signal: sample number → value, continuing across reopenings (the world goes on); unboxed, so reading makes no garbage. */
    private final LongToDoubleFunction signal;
    private final Deque<AudioDeviceException> openFailures = new ArrayDeque<>();
    final AtomicInteger opened = new AtomicInteger();
    /** How often the microphone asked for audio. */
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean stalled;
    volatile AudioDeviceException readFailure;
    private final long startNanos = System.nanoTime();
    private long delivered;

    FakeCaptureDevice(int rate, LongToDoubleFunction signal) {
        this.rate = rate;
        this.capacity = rate / 5;
        this.signal = signal;
    }

    /** A ramp 0, 1, 2, … scaled into [-1, 1) so tests can check order and continuity sample by sample. */
    static FakeCaptureDevice counting() {
        return new FakeCaptureDevice(16000, n -> (n % 65536) / 65536f);
    }

    synchronized void failNextOpens(AudioDeviceException... failures) {
        openFailures.addAll(java.util.List.of(failures));
    }

    @Override
    public String description() {
        return "the fake microphone";
    }

    @Override
    public synchronized CaptureLine open() {
        AudioDeviceException failure = openFailures.poll();
        if (failure != null) {
            throw failure;
        }
        opened.incrementAndGet();
        skipToNow(); // what was "said" while the device was closed is lost, as with a real one
        return new CaptureLine() {
            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public int readAvailable(float[] into) {
                return read(into);
            }

            @Override
            public void close() {
            }
        };
    }

    /** As much as is due, up to the line's capacity: the rest waits for the next read (nothing is lost). */
    private synchronized int read(float[] into) {
        reads.incrementAndGet();
        if (readFailure != null) {
            throw readFailure;
        }
        if (stalled) {
            skipToNow();
            return 0;
        }
        long due = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
        int count = (int) Math.min(due - delivered, capacity);
        for (int i = 0; i < count; i++) {
            into[i] = (float) signal.applyAsDouble(delivered + i);
        }
        delivered += count;
        return count;
    }

    private void skipToNow() {
        delivered = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
    }
}
