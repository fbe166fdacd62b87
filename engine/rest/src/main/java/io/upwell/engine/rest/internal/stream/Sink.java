package io.upwell.engine.rest.internal.stream;

import java.io.IOException;

/**
 * Where a client's stream is written: a servlet's non-blocking output in the running engine, a list
 * in the tests. Only ever called from one thread at a time ({@link StreamClient} sees to that).
 */
interface Sink {

    /** True when a write now would not block; when false, the sink calls its client back once it is. */
    boolean isReady();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the response. */
    void close();
}
