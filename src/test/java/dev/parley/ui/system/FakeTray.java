package dev.parley.ui.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A {@link Tray} in memory: records what it was asked to show; tests pick its menu entries. */
public final class FakeTray implements Tray {

    private final boolean supported;
    /** Awaited before install answers: a test holds it to act while the tray is still starting. */
    private final CountDownLatch installing;
    public final List<TrayLook> looks = new ArrayList<>();
    public volatile TrayMenu menu;
    public volatile boolean removed;

    public FakeTray(boolean supported) {
        this(supported, new CountDownLatch(0));
    }


    public FakeTray(boolean supported, CountDownLatch installing) {
        this.supported = supported;
        this.installing = installing;
    }

    @Override
    public boolean install(TrayMenu menu) {
        try {
            installing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (supported) {
            this.menu = menu;
        }
        return supported;
    }

    @Override
    public synchronized void show(TrayLook look) {
        looks.add(look);
    }

    public synchronized TrayLook last() {
        return looks.getLast();
    }

    @Override
    public void remove() {
        removed = true;
    }
}
