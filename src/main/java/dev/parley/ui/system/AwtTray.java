package dev.parley.ui.system;

import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ItemEvent;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@link Tray} on {@code java.awt.SystemTray}. All AWT work runs on the AWT event thread. The four
 * icons are drawn here (a filled circle per state, crossed out when muted), so no image files ship.
 */
public final class AwtTray implements Tray {

    private static final Logger LOG = LogManager.getLogger(AwtTray.class);
    private static final Map<TrayLook.Icon, Color> COLORS = new EnumMap<>(Map.of(
            TrayLook.Icon.IDLE, new Color(0x8a, 0x8f, 0x98),
            TrayLook.Icon.LISTENING, new Color(0xd9, 0x3b, 0x3b),
            TrayLook.Icon.THINKING, new Color(0xe0, 0x9a, 0x1f),
            TrayLook.Icon.SPEAKING, new Color(0x2f, 0x6f, 0xd6)));

    private TrayIcon icon;
    private MenuItem windowItem;
    private CheckboxMenuItem muteItem;

    /**
     * Starts AWT's toolkit, which the tray needs; call it on the JavaFX thread (GTK's main thread).
     * Started on another thread while JavaFX runs (the tray's own calls run on a worker), AWT could
     * set its X error handler while GDK has an error trap pushed, and GTK prints "Gdk-WARNING:
     * XSetErrorHandler() called with a GDK error trap pushed" (JDK-8156779); GDK pushes and pops its
     * traps within calls on its own thread, so none is pushed while that thread runs this. Not started
     * before JavaFX: that put AWT's start (~0.15-0.3 s) in front of the window's.
     */
    public static void startToolkit() {
        try {
            trayAvailable();
        } catch (java.awt.AWTError noDisplay) {
            LOG.debug("AWT did not start: {}", noDisplay.getMessage());
        }
    }

    /** False headless and under X11 without a tray host (plain Xvfb, some tiling window managers). */
    private static boolean trayAvailable() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    @Override
    public boolean install(TrayMenu menu) {
        if (!trayAvailable()) {
            return false;
        }
        EventQueue.invokeLater(() -> {
            PopupMenu popup = new PopupMenu();
            windowItem = new MenuItem("Hide window");
            windowItem.addActionListener(event -> menu.showOrHideWindow());
            muteItem = new CheckboxMenuItem("Mute microphone");
            muteItem.addItemListener(event -> menu.mute(event.getStateChange() == ItemEvent.SELECTED));
            MenuItem quit = new MenuItem("Quit Parley");
            quit.addActionListener(event -> menu.quit());
            popup.add(windowItem);
            popup.add(muteItem);
            popup.addSeparator();
            popup.add(quit);
            icon = new TrayIcon(image(TrayLook.Icon.IDLE, false), "Parley", popup);
            icon.setImageAutoSize(true);
            icon.addActionListener(event -> menu.showOrHideWindow()); // a click (double-click on some desktops)
            try {
                SystemTray.getSystemTray().add(icon);
            } catch (AWTException e) {
                LOG.warn("The tray refused Parley's icon: {}", e.getMessage());
                icon = null;
            }
        });
        return true;
    }

    @Override
    public void show(TrayLook look) {
        EventQueue.invokeLater(() -> {
            if (icon == null) {
                return;
            }
            icon.setImage(image(look.icon(), look.muted()));
            icon.setToolTip(look.tooltip());
            windowItem.setLabel(look.windowItem());
            muteItem.setState(look.muted());
        });
    }

    @Override
    public void remove() {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }

    /** A 64 px circle in the state's colour; muted, a white slash across it. The tray scales it down. */
    static Image image(TrayLook.Icon kind, boolean muted) {
        int size = 64;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(COLORS.get(kind));
        g.fillOval(4, 4, size - 8, size - 8);
        if (muted) {
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(16, 16, size - 16, size - 16);
        }
        g.dispose();
        return image;
    }
}
