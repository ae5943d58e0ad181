package dev.parley.audio;

/** One open input line, read without ever blocking, so its reader can notice when audio stops coming. */
interface CaptureLine {

    /** The rate of what {@link #readAvailable} reads. */
    int sampleRate();

    /** The most samples one {@link #readAvailable} reads: what the line holds. */
    int capacity();

    /**
     * Reads the mono samples captured since the last call, possibly none, into the start of {@code into}
     * (at least {@link #capacity} long); never waits for more. The caller's array is filled, rather than
     * a new one returned, because an idle window reads its microphone all day: see {@code Microphone}.
     *
     * @return how many samples it read
     */
    int readAvailable(float[] into) throws AudioDeviceException;

    void close();
}
