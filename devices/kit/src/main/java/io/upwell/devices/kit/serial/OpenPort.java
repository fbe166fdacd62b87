package io.upwell.devices.kit.serial;

import com.fazecast.jSerialComm.SerialPort;

/**
 * One opening of a line: the port, the device node the path led to when it was opened, and the
 * opening's number, so that a write queued for one opening never reaches the next (a command meant
 * for a device before it was lost must not be the first thing it hears when it is back).
 */
record OpenPort(SerialPort port, String device, long generation) {

    void close() {
        port.closePort();
    }
}
