package io.upwell.devices.latencybench;

import com.fazecast.jSerialComm.SerialPort;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import java.nio.file.Path;

/**
 * (a) The bare line: a few bytes written at the host end of a socat pair, read at the device end by
 * a trivial reader that writes them straight back, and read again at the host end. Both ends are
 * opened with jSerialComm in the mode the driver kit and the emulator use (semi-blocking reads), so
 * the figure is what the drivers' own traffic starts from.
 */
final class PtyEcho {
    private static final byte[] PAYLOAD = {0x7e, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07};

    private PtyEcho() {
    }

    static Latencies measure(Path dir, int warmUp, int samples) {
        Latencies echo = new Latencies("bare pty echo, " + PAYLOAD.length + " bytes there and back");
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir)) {
            SerialPort device = open(pair.deviceNode());
            SerialPort host = open(pair.hostNode());
            Thread echoer = new Thread(() -> echo(device), "pty-echo");
            echoer.setDaemon(true);
            echoer.start();
            try {
                byte[] back = new byte[PAYLOAD.length];
                for (int i = 0; i < warmUp + samples; i++) {
                    long sent = System.nanoTime();
                    write(host, PAYLOAD);
                    int got = 0;
                    while (got < back.length) {
                        int n = host.readBytes(back, back.length - got, got);
                        if (n < 0) {
                            throw new IllegalStateException("the host end failed while reading the echo");
                        }
                        got += n;
                    }
                    long elapsed = System.nanoTime() - sent;
                    if (i >= warmUp) {
                        echo.add(elapsed);
                    }
                }
            } finally {
                host.closePort();
                device.closePort();
            }
        }
        return echo;
    }

    private static void echo(SerialPort device) {
        byte[] buffer = new byte[256];
        while (device.isOpen()) {
            int n = device.readBytes(buffer, buffer.length);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                byte[] chunk = java.util.Arrays.copyOf(buffer, n);
                write(device, chunk);
            }
        }
    }

    private static SerialPort open(String node) {
        SerialPort port = SerialPort.getCommPort(node);
        port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort(0)) {
            throw new IllegalStateException("cannot open " + node + ": error " + port.getLastErrorCode());
        }
        return port;
    }

    private static void write(SerialPort port, byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - offset, offset);
            if (n <= 0) {
                throw new IllegalStateException("cannot write to " + port.getSystemPortPath());
            }
            offset += n;
        }
    }
}
