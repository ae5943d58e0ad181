package dev.parley.ui.system;

import java.util.ArrayList;
import java.util.List;

/** A {@link Tray} in memory: records what it was asked to show; tests pick its menu entries. */
public final class FakeTray implements Tray {

    private final boolean supported;
    public final List<TrayLook> looks = new ArrayList<>();
    public volatile TrayMenu menu;
    public volatile boolean removed;

    public FakeTray(boolean supported) {
        this.supported = supported;
    }

    @Override
    public boolean install(TrayMenu menu) {
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
