package dev.parley.audio.echo;

/**
 * Makes the microphone's canceller the way Parley does and prints what it got, for
 * {@link NativeLibraryFallbackTest}, which runs it in a JVM told it is on another platform.
 */
public final class EchoCancellerProbe {

    private EchoCancellerProbe() {
    }

    public static void main(String[] args) {
        try (EchoCanceller canceller = EchoCancellers.create(new EchoOptions(true, false, false, true))) {
            float[] near = new float[EchoCanceller.FRAME_SAMPLES];
            near[0] = 0.5f;
            float[] out = canceller.process(new float[EchoCanceller.FRAME_SAMPLES], near);
            System.out.println("cancels echo: " + canceller.cancelsEcho() + "; first sample: " + out[0]);
        }
    }
}
