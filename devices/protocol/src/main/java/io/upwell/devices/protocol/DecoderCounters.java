package io.upwell.devices.protocol;

/**
 * What a {@link FrameDecoder} has seen, by kind: a snapshot, taken on the decoder's thread.
 * <p>
 * Every byte received is accounted for exactly once: it belongs to an intact frame
 * ({@code frameBytes}), was discarded as not belonging to one ({@code discardedBytes}), or is held
 * while a frame may still be arriving ({@code pendingBytes}); {@link #accountsForEveryByte()} checks it.
 *
 * @param bytesReceived      every byte fed to the decoder
 * @param messages           intact frames that carried a message, each handed to the listener
 * @param frameBytes         the bytes of every intact frame: with a message, with an unknown type or a malformed payload
 * @param checksumErrors     complete frames whose CRC did not match: corrupted, truncated and followed by
 *                           another frame, or a start marker found in garbage
 * @param oversizeFrames     frame starts whose length field exceeded {@link Protocol#MAX_PAYLOAD}
 * @param unknownTypes       intact frames of a type this version does not know
 * @param malformedPayloads  intact frames whose payload did not fit their type
 * @param truncatedFrames    frame starts given up when the line fell idle before they were complete
 * @param discardedBytes     bytes that belonged to no intact frame: garbage, and the start markers of
 *                           every frame given up (its other bytes are searched again for a frame)
 * @param pendingBytes       bytes held now, at most {@link Protocol#MAX_FRAME}
 */
public record DecoderCounters(long bytesReceived, long messages, long frameBytes, long checksumErrors,
        long oversizeFrames, long unknownTypes, long malformedPayloads, long truncatedFrames, long discardedBytes,
        int pendingBytes) {

    /** Every kind of error, added up: frames that did not yield a message. */
    public long errors() {
        return checksumErrors + oversizeFrames + unknownTypes + malformedPayloads + truncatedFrames;
    }

    /**
     * How many times the decoder gave a frame start up and searched the bytes after it again: the
     * resynchronisations that a bad CRC, an oversize length or an idle line caused.
     */
    public long resyncs() {
        return checksumErrors + oversizeFrames + truncatedFrames;
    }

    /** True when every byte received is in an intact frame, discarded, or pending. */
    public boolean accountsForEveryByte() {
        return bytesReceived == frameBytes + discardedBytes + pendingBytes;
    }
}
