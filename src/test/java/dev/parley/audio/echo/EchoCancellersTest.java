package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Where the native canceller cannot load, Parley explains what is missing and goes on half duplex. */
class EchoCancellersTest {

    private static final EchoOptions CANCEL = new EchoOptions(true, false, false, true);

    @Test
    void fallsBackToPassThroughWhenTheNativeLibraryDoesNotLoad() {
        EchoCanceller canceller = EchoCancellers.create(CANCEL, options -> {
            throw new UnsatisfiedLinkError("/tmp/webrtc-java123.so: libXrandr.so.2: cannot open shared object file");
        });

        assertThat(canceller).isInstanceOf(PassThroughEchoCanceller.class);
        assertThat(canceller.cancelsEcho()).isFalse();
        float[] near = {0.1f, -0.2f};
        assertThat(canceller.process(new float[2], near)).containsExactly(0.1f, -0.2f);
    }

    @Test
    void aMissingSystemLibraryIsNamedWithThePackagesToInstall() {
        String message = EchoCancellers.explain(new RuntimeException("Load library 'webrtc-java' failed",
                new UnsatisfiedLinkError("/tmp/x.so: libXrandr.so.2: cannot open shared object file")));

        assertThat(message).contains("libXrandr.so.2 is missing")
                .contains("sudo apt-get install libpulse0 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1"
                        + " libdbus-1-3")
                .contains("package libxrandr2")
                .contains("half duplex");
    }

    @Test
    void aLibraryFailingForAnotherReasonStillSaysHowToFixIt() {
        String message = EchoCancellers.explain(new ExceptionInInitializerError("no native for this platform"));

        assertThat(message).contains("Echo cancellation is unavailable").contains("no native for this platform")
                .contains("half duplex");
    }

    @Test
    void nothingToProcessNeverTouchesTheNativeLibrary() {
        AtomicBoolean loaded = new AtomicBoolean();

        EchoCanceller canceller = EchoCancellers.create(new EchoOptions(false, false, false, true), options -> {
            loaded.set(true);
            return new PassThroughEchoCanceller();
        });

        assertThat(loaded).isFalse();
        assertThat(canceller.description()).isEqualTo("off");
    }
}
