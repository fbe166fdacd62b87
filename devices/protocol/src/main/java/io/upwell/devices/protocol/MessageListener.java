package io.upwell.devices.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what a {@link FrameDecoder} finds, on the thread that feeds it, in the order of the line.
 */
@ConsumerType
@FunctionalInterface
public interface MessageListener {

    /**
     * A frame arrived intact and carried a message.
     *
     * @param sequence the frame's sequence number, 0 to 255
     * @param message  the message
     */
    void onMessage(int sequence, Message message);

    /**
     * A frame arrived intact but carried no message this version can use. It is already counted; a
     * device answers it with a NAK, a host ignores it. Nothing by default.
     *
     * @param sequence  the frame's sequence number, 0 to 255
     * @param typeCode  the type byte of the frame, 0 to 255
     * @param rejection why it carried no message
     */
    default void onRejected(int sequence, int typeCode, Rejection rejection) {
    }
}
