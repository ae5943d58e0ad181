package dev.parley.ui.main;

import dev.parley.image.TurnImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.robot.Robot;
import javafx.stage.FileChooser;
import javafx.stage.Screen;

/**
 * How pictures get attached to the next question in the window, and how they show: thumbnails
 * (each with a remove button beside it) above the input, an attach button, a *Look at screen* button (a
 * screenshot of the primary screen), Ctrl+V (Cmd+V) of an image or image files in the text field,
 * and files or an image dropped on the input bar.
 */
final class AttachmentStrip {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final int THUMBNAIL = 48;

    private AttachmentStrip() {}

    /** The thumbnails of the attached pictures; hidden while there are none. */
    static HBox thumbnails(Attachments attachments) {
        HBox strip = new HBox(6);
        strip.setId("attachments");
        strip.setStyle("-fx-padding: 0 1em;");
        strip.setAlignment(Pos.CENTER_LEFT);
        Runnable refresh = () -> {
            List<TurnImage> images = attachments.images();
            strip.getChildren().setAll(IntStream.range(0, images.size()).mapToObj(at -> thumbnail(attachments,
                    images.get(at), "picture " + (at + 1) + " of " + images.size())).toList());
            strip.setVisible(!attachments.images().isEmpty());
            strip.setManaged(strip.isVisible());
        };
        attachments.images().addListener((ListChangeListener<TurnImage>) change -> refresh.run());
        refresh.run();
        return strip;
    }

    /** {@code which}: "picture 2 of 3", so that a screen reader tells the remove buttons apart. */
    private static Node thumbnail(Attachments attachments, TurnImage picture, String which) {
        Node face = picture(picture, THUMBNAIL);
        face.setAccessibleText("Attached " + which + ", " + picture.type().name());
        Button remove = new Button("×");
        remove.getStyleClass().addAll("small", "flat");
        remove.setTooltip(new Tooltip("Remove this picture"));
        remove.setAccessibleText("Remove " + which);
        remove.setOnAction(event -> attachments.remove(picture));
        // Beside the picture, not over it: at 48 px the button would hide much of what is attached.
        HBox box = new HBox(2, face, remove);
        box.getStyleClass().add("attachment");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    /**
     * {@code picture} fitted into {@code size} × {@code size}; JavaFX cannot decode WebP, so its name stands in.
     * Described to a screen reader by its format: Parley keeps no file name, and what is in it is the model's to say.
     */
    static Node picture(TurnImage picture, int size) {
        Image image = new Image(new ByteArrayInputStream(picture.bytes()), size, size, true, true);
        Node face = image.isError() ? new Label(picture.type().name()) : new ImageView(image);
        face.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        face.setAccessibleText("Picture, " + picture.type().name());
        return face;
    }

    static Button attachButton(Attachments attachments) {
        Button attach = new Button("Attach…");
        attach.setId("attach-button");
        attach.setTooltip(new Tooltip("Attach pictures for the model to look at (PNG, JPEG, WebP, GIF)"));
        attach.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Attach pictures");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                    "*.webp", "*.gif"));
            List<File> files = chooser.showOpenMultipleDialog(attach.getScene().getWindow());
            if (files != null) {
                files.forEach(file -> attachments.attachFile(file.toPath()));
            }
        });
        return attach;
    }

    static Button lookAtScreenButton(Attachments attachments) {
        Button look = new Button("Look at screen");
        look.setId("look-at-screen-button");
        look.setTooltip(new Tooltip("Attach a screenshot of the screen to the next question"));
        look.setOnAction(event -> {
            Image shot = new Robot().getScreenCapture(null, Screen.getPrimary().getBounds());
            attach(attachments, shot, "the screenshot");
        });
        return look;
    }

    /** Ctrl+V (Cmd+V) in {@code input} attaches a copied image or image files; text pastes as usual. */
    static void pasteInto(TextField input, Attachments attachments) {
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PASTE.match(event) && attachFrom(Clipboard.getSystemClipboard(), attachments)) {
                event.consume();
            }
        });
    }

    /** Files or an image dropped on {@code target} are attached. */
    static void dropOnto(Node target, Attachments attachments) {
        target.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() || event.getDragboard().hasImage()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        target.setOnDragDropped(event -> {
            event.setDropCompleted(attachFrom(event.getDragboard(), attachments));
            event.consume();
        });
    }

    /** Whether {@code board} held pictures (now being attached). */
    static boolean attachFrom(Clipboard board, Attachments attachments) {
        if (board.hasFiles()) {
            board.getFiles().forEach(file -> attachments.attachFile(file.toPath()));
            return !board.getFiles().isEmpty();
        }
        if (board.hasImage() && board.getImage() != null) {
            attach(attachments, board.getImage(), "the pasted image");
            return true;
        }
        return false;
    }

    private static void attach(Attachments attachments, Image image, String source) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        attachments.attachPixels(width, height, () -> {
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return argb;
        }, source);
    }
}
