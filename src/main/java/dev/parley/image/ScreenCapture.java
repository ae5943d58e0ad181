package dev.parley.image;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A screenshot of the whole screen (every monitor, as one picture) through {@link Robot}, as PNG
 * bytes for {@link ImagePreparer}. Without a display (no {@code DISPLAY}, a server, a headless JVM)
 * or one it cannot reach, or without the permission to record the screen, it fails with a message saying so.
 */
public final class ScreenCapture {

    private ScreenCapture() {}

    public static byte[] wholeScreen() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new ImageException("There is no screen to capture here (no display"
                    + (System.getenv("DISPLAY") == null ? ": DISPLAY is not set" : "") + "). Run Parley in a desktop"
                    + " session, or attach a file with --image.");
        }
        try {
            Rectangle all = new Rectangle();
            for (GraphicsDevice screen : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
                all = all.union(screen.getDefaultConfiguration().getBounds());
            }
            BufferedImage shot = new Robot().createScreenCapture(all);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(shot, "png", png);
            return png.toByteArray();
        } catch (AWTException | SecurityException | IOException | UnsupportedOperationException e) {
            throw new ImageException("Could not capture the screen (" + e.getMessage() + "). On macOS, allow screen"
                    + " recording for your terminal or Parley in System Settings → Privacy & Security.", e);
        } catch (AWTError unreachable) {
            // An Error, not an exception: DISPLAY names an X server that is gone or refuses this user (an SSH
            // session's stale DISPLAY, a service started with the desktop's). 'ask --screen' ended in a stack trace.
            throw new ImageException("Could not reach the display to capture the screen (" + unreachable.getMessage()
                    + "). Run Parley in the desktop session itself, or attach a file with --image.", unreachable);
        }
    }
}
