package dev.parley.audio;

/** Where a {@link Microphone} gets its lines: opened once at start and again after every failure. */
interface CaptureDevice {

    /** The device as the user chose it, for the middle of a sentence: "the default microphone". */
    String description();

    /** {@link #description()} to start a sentence with. */
    default String subject() {
        String description = description();
        return description.isEmpty() ? description : Character.toUpperCase(description.charAt(0)) + description.substring(1);
    }

    CaptureLine open() throws AudioDeviceException;
}
