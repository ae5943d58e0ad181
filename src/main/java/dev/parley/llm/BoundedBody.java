package dev.parley.llm;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as text up to a limit. Past the limit the rest is not read (the subscription is
 * cancelled) and the body is null: a server that sends a body without end must not hold a probe until
 * its timeout, nor fill memory meanwhile.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

    private final int limitBytes;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private BoundedBody(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    static HttpResponse.BodyHandler<String> handler(int limitBytes) {
        return responseInfo -> new BoundedBody(limitBytes);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > limitBytes) {
                subscription.cancel();
                result.complete(null);
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
