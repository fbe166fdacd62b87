package io.upwell.devices.emulator.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * Opens the emulator's side of a serial line by its path, 8N1, for either protocol's server.
 * <p>
 * Called afresh on every (re)open: jSerialComm resolves a symlink once, and a pty pair that was
 * recreated (socat restarted) puts the same link on a different device, so a handle kept from before
 * would lead to the old one. A pseudo-terminal is never in jSerialComm's port list, hence the path.
 */
final class EmulatorPorts {

    private EmulatorPorts() {
    }

    /**
     * @param readTimeoutMs how long a read waits for its first byte: the granularity at which the
     *                      server notices silence
     * @throws IOException naming the path when it is missing or cannot be opened
     */
    static SerialPort open(String path, int baudRate, int readTimeoutMs) throws IOException {
        SerialPort opened;
        try {
            opened = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + path + " does not exist (" + e.getMessage() + ")", e);
        }
        opened.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        opened.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        opened.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMs, 0);
        if (!opened.openPort()) {
            throw new IOException("serial port " + path + " cannot be opened (error " + opened.getLastErrorCode()
                    + " at " + opened.getLastErrorLocation() + "): is it in use, or not a terminal?");
        }
        return opened;
    }
}
