package dev.parley.ui.main;

import dev.parley.image.ImageException;
import dev.parley.image.ImagePreparer;
import dev.parley.image.PixelLimits;
import dev.parley.image.TurnImage;
import dev.parley.ui.Tasks;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pictures attached to the next typed question (pasted, dropped, chosen, or a screenshot): each
 * checked and scaled in the background by the {@link ImagePreparer}, at most {@code maxCount}
 * ({@code llm.images.max-count}); what cannot be used is a banner saying why. Sending takes them.
 */
public final class Attachments {

    private final ImagePreparer preparer;
    private final int maxCount;
    private final Tasks tasks;
    private final Banners banners;
    private final ObservableList<TurnImage> images = FXCollections.observableArrayList();

    public Attachments(ImagePreparer preparer, int maxCount, Tasks tasks, Banners banners) {
        this.preparer = preparer;
        this.maxCount = maxCount;
        this.tasks = tasks;
        this.banners = banners;
    }

    /** The attached pictures, in order; the input bar shows them as thumbnails. */
    public ObservableList<TurnImage> images() {
        return images;
    }

    public void attachFile(Path file) {
        attach(() -> preparer.read(file));
    }

    /**
     * A pasted picture or a screenshot of {@code width × height}, as ARGB pixels row by row that
     * {@code readPixels} gives: called only for a size within the limit, since a pasted picture of
     * billions of pixels would need their array first (and over 2³¹ its size does not fit an int).
     */
    public void attachPixels(int width, int height, Supplier<int[]> readPixels, String source) {
        try {
            PixelLimits.refuseGiven(width, height, source);
        } catch (ImageException tooLarge) {
            banners.show(new Banner("image", Banner.Level.ERROR, tooLarge.getMessage()));
            return;
        }
        int[] argb = readPixels.get();
        attach(() -> preparer.fromPixels(width, height, argb, source));
    }

    public void remove(TurnImage image) {
        images.remove(image);
    }

    /** The attached pictures, which are no longer attached: they go with the question being sent. */
    public List<TurnImage> take() {
        List<TurnImage> taken = List.copyOf(images);
        images.clear();
        return taken;
    }

    private void attach(Callable<TurnImage> prepare) {
        if (images.size() >= maxCount) {
            tooMany();
            return;
        }
        tasks.run(prepare, image -> {
            if (images.size() >= maxCount) {
                tooMany();
            } else if (!images.contains(image)) {
                images.add(image);
            }
        }, failure -> banners.show(new Banner("image", Banner.Level.ERROR, Tasks.message(failure))));
    }

    private void tooMany() {
        banners.show(new Banner("image", Banner.Level.WARNING, "A question may show at most " + maxCount
                + " images (llm.images.max-count); remove one first."));
    }
}
