package io.upwell.engine.rest.internal.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * A client's stream on a servlet response in asynchronous, non-blocking mode: writes only while the
 * output {@link ServletOutputStream#isReady() is ready}, and lets the container call back when it is
 * again. When the client goes away, or the container ends the request, the client is closed.
 */
public final class ServletSink implements Sink, WriteListener, AsyncListener {

    private final AsyncContext async;
    private final StreamClient client;
    private final ServletOutputStream out;

    public ServletSink(AsyncContext async, StreamClient client) throws IOException {
        this.async = async;
        this.client = client;
        this.out = async.getResponse().getOutputStream();
        async.addListener(this);
        client.attach(this);
    }

    /** Puts the reset (when there is one) and the hello before anything queued for the client. */
    public void prependHello(long atId, String helloJson, long retryMillis, String resetJson) {
        client.prepend(StreamEvent.hello(atId, helloJson, retryMillis).frame());
        if (resetJson != null) {
            client.prepend(StreamEvent.unnumbered("reset", resetJson).frame());
        }
    }

    /** Begins writing: the container calls {@link #onWritePossible} from here on. */
    public void start() {
        out.setWriteListener(this);
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // already completed by the container (the client left)
        }
    }

    @Override
    public void onWritePossible() {
        client.writePossible();
    }

    @Override
    public void onError(Throwable failure) {
        client.close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        client.close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        client.close();
    }

    @Override
    public void onError(AsyncEvent event) {
        client.close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
