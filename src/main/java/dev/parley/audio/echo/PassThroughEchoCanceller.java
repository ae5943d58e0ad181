package dev.parley.audio.echo;

/** Leaves the microphone signal as it is: echo cancellation off, or no native library to do it. */
public final class PassThroughEchoCanceller implements EchoCanceller {

    @Override
    public float[] process(float[] farEnd, float[] nearEnd) {
        return nearEnd.clone();
    }

    @Override
    public boolean cancelsEcho() {
        return false;
    }

    @Override
    public String description() {
        return "off";
    }

    @Override
    public void close() {
    }
}
