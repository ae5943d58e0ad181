package dev.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.image.ImageException;
import dev.parley.image.ImagePreparer;
import dev.parley.image.ImageType;
import dev.parley.image.TurnImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The {@code images} of an ask: {@code [{"mediaType": "image/png", "data": "<base64>"}, ...]}, at
 * most {@code llm.images.max-count}. Each is decoded, must be what its media type says (PNG, JPEG,
 * WebP or GIF, judged by its bytes), and is checked and scaled like any picture
 * ({@link ImagePreparer}); whatever is wrong is a 400 naming the image by its position.
 */
final class AskImages {

    /** Shared by every ask of the process: the cores are. (Package-private: a test holds it.) */
    static final Semaphore DECODING = new Semaphore(1);

    private static final String SHAPE = "\"images\" must be an array of {\"mediaType\": \"image/png\", \"data\":"
            + " \"<base64>\"} objects.";

    private final ImagePreparer preparer;
    private final int maxCount;

    AskImages(ImagePreparer preparer, int maxCount) {
        this.preparer = preparer;
        this.maxCount = maxCount;
    }

    /** How many images the body carries, checked for shape and number but not decoded. */
    int count(JsonNode body) {
        JsonNode images = body.get("images");
        if (images == null || images.isNull()) {
            return 0;
        }
        if (!images.isArray()) {
            throw ApiProblem.badRequest(SHAPE);
        }
        if (images.size() > maxCount) {
            throw ApiProblem.badRequest("An ask may show at most " + maxCount + " images (llm.images.max-count); this"
                    + " one has " + images.size() + ".");
        }
        for (int index = 0; index < images.size(); index++) {
            refuseOtherFields(images.get(index), "image " + (index + 1));
        }
        return images.size();
    }

    /**
     * Strict as the body itself ({@link ApiJson#body}): a field an image does not take (an OpenAI-style
     * {@code "detail": "low"}, a {@code "name"}) was ignored, so the caller believed it applied.
     */
    private static void refuseOtherFields(JsonNode image, String name) {
        if (!image.isObject()) {
            return; // image() says what an image must be
        }
        image.fieldNames().forEachRemaining(field -> {
            if (!field.equals("mediaType") && !field.equals("data")) {
                String shown = field.length() > 60 ? field.substring(0, 60) + "…" : field; // echoed, so kept short
                throw ApiProblem.badRequest(name + " has a field \"" + shown + "\" that an image does not take; it"
                        + " takes \"mediaType\" and \"data\".");
            }
        });
    }

    /**
     * The body's images, decoded and checked, ready to send; none when it has no {@code images}. One ask
     * decodes at a time: a picture of 50 megapixels takes seconds of a core, and asks decoding side by
     * side would take both cores from every other request.
     */
    List<TurnImage> read(JsonNode body) throws InterruptedException {
        if (count(body) == 0) {
            return List.of();
        }
        JsonNode images = body.get("images");
        DECODING.acquire();
        try {
            return decodeAll(images);
        } finally {
            DECODING.release();
        }
    }

    private List<TurnImage> decodeAll(JsonNode images) {
        List<TurnImage> read = new ArrayList<>();
        for (int index = 0; index < images.size(); index++) {
            read.add(image(images.get(index), "image " + (index + 1)));
        }
        return read;
    }

    private TurnImage image(JsonNode image, String name) {
        if (!image.isObject() || !image.path("mediaType").isTextual() || !image.path("data").isTextual()) {
            throw ApiProblem.badRequest(name + ": " + SHAPE);
        }
        String mediaType = image.path("mediaType").asText();
        ImageType declared = ImageType.ofMediaType(mediaType).orElseThrow(() -> ApiProblem.badRequest(name
                + ": mediaType '" + mediaType + "' is not one of image/png, image/jpeg, image/webp, image/gif."));
        byte[] bytes = decode(image.path("data").asText(), name);
        Optional<ImageType> actual = ImageType.sniff(bytes);
        if (actual.isPresent() && actual.get() != declared) {
            throw ApiProblem.badRequest(name + " is declared " + declared.mediaType() + " but its data is "
                    + actual.get().mediaType() + ".");
        }
        try {
            return preparer.prepare(bytes, name);
        } catch (ImageException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /** Plain base64; a data URI's {@code data:...;base64,} prefix and line breaks are tolerated. */
    private static byte[] decode(String data, String name) {
        String payload = data.startsWith("data:") ? data.substring(data.indexOf(',') + 1) : data;
        try {
            // Not the MIME decoder: it skips any character it does not know, so garbage would pass as empty.
            return Base64.getDecoder().decode(payload.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name + ": data is not base64 (" + e.getMessage() + ").");
        }
    }
}
