package dev.parley.audio;

/** Where a {@link Microphone} gets its lines: opened once at start and again after every failure. */
interface CaptureDevice {

    /** The device as the user chose it, for messages. */
    String description();

    CaptureLine open() throws AudioDeviceException;
}
