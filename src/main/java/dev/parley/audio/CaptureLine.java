package dev.parley.audio;

/** One open input line, read without ever blocking, so its reader can notice when audio stops coming. */
interface CaptureLine {

    /** The rate of what {@link #readAvailable} returns. */
    int sampleRate();

    /** The mono samples captured since the last call, possibly none; never waits for more. */
    float[] readAvailable() throws AudioDeviceException;

    void close();
}
