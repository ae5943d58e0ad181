/**
 * Pictures a turn shows the model: {@link dev.parley.image.TurnImage} (checked, ready to send, named
 * by its content), {@link dev.parley.image.ImagePreparer} (checks any bytes in bounded time and
 * memory and scales large pictures down), and {@link dev.parley.image.ScreenCapture}. The one
 * package that uses {@code javax.imageio} and {@code java.awt}; nothing here knows about models,
 * conversations or the UI.
 */
package dev.parley.image;
