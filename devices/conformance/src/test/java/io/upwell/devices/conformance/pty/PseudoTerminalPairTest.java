package io.upwell.devices.conformance.pty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair over real socat: bytes cross it, unplugging breaks it, plugging in again mends it. */
class PseudoTerminalPairTest {

    @TempDir
    Path dir;

    @Test
    void whatOneEndWritesTheOtherReadsUnchangedBothWays() throws Exception {
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir)) {
            assertEquals(dir.resolve("host"), pair.hostEnd());
            assertEquals(dir.resolve("device"), pair.deviceEnd());
            assertTrue(pair.isPlugged());
            assertTrue(pair.socatOutput().contains(PseudoTerminalPair.TRANSFER_LOOP),
                    "start returns once socat has set up both ends and moves data: " + pair.socatOutput());
            // raw: bytes a terminal would act on (CR, ^C, ^D, 0xFF) pass as they are
            byte[] toDevice = {'h', 'i', '\r', '\n', 3, 4, (byte) 0xff, 0};
            assertArrayEquals(toDevice, carry(pair.hostNode(), pair.deviceNode(), toDevice));
            byte[] toHost = "ok\n".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(toHost, carry(pair.deviceNode(), pair.hostNode(), toHost));
        }
    }

    @Test
    void unplugEndsSocatRemovesBothLinksAndBreaksTheLineOfWhoeverHadAnEndOpen() throws Exception {
        PseudoTerminalPair pair = PseudoTerminalPair.start(dir);
        try (InputStream device = new FileInputStream(pair.deviceNode())) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readOrMinusOne(device));
            pair.unplug();
            assertFalse(pair.isPlugged());
            assertFalse(Files.exists(pair.hostEnd(), java.nio.file.LinkOption.NOFOLLOW_LINKS), "host link gone");
            assertFalse(Files.exists(pair.deviceEnd(), java.nio.file.LinkOption.NOFOLLOW_LINKS), "device link gone");
            assertEquals(-1, read.get(PseudoTerminalPair.DEADLINE.toSeconds(), TimeUnit.SECONDS),
                    "a read on the device end ends when the pair is unplugged, as on a pulled adapter");
            IllegalStateException noTerminal = assertThrows(IllegalStateException.class, pair::hostNode);
            assertTrue(noTerminal.getMessage().startsWith("the link " + pair.hostEnd() + " leads to no terminal"),
                    noTerminal.getMessage());
        } finally {
            pair.close();
        }
    }

    @Test
    void replugMakesNewTerminalsBehindTheSameLinksAndBytesCrossAgain() throws Exception {
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir)) {
            pair.unplug();
            pair.unplug(); // a second unplug changes nothing
            pair.replug();
            assertTrue(pair.isPlugged());
            byte[] bytes = {1, 2, 3};
            assertArrayEquals(bytes, carry(pair.hostNode(), pair.deviceNode(), bytes));
            pair.replug(); // while plugged: out and in again
            assertArrayEquals(bytes, carry(pair.hostNode(), pair.deviceNode(), bytes));
            assertTrue(pair.socatOutput().contains("PTY is"), "socat's -d -d output names its terminals: " + pair.socatOutput());
        }
    }

    @Test
    void aFolderThatIsNotThereYetIsMade() {
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir.resolve("not/yet"))) {
            assertTrue(pair.hostNode().startsWith("/dev/"), pair.hostNode());
        }
    }

    @Test
    void aStaleLinkFromAnEarlierRunIsReplaced() throws Exception {
        Files.createSymbolicLink(dir.resolve("host"), dir.resolve("nowhere"));
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir)) {
            assertTrue(pair.hostNode().startsWith("/dev/"), pair.hostNode());
        }
    }

    @Test
    void withoutSocatOnThePathTheFailureNamesItAndItsPackage(@TempDir Path empty) {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PseudoTerminalPair.findSocat(empty.toString()));
        assertEquals("socat was not found on the PATH (" + empty + "): pseudo-terminal pairs are made with it, and the "
                + "serial tests need them. Install it (on Debian and Ubuntu: apt-get install socat; the package is called "
                + "socat elsewhere too)", missing.getMessage());
    }

    @Test
    void bothEndsOnOneLinkAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PseudoTerminalPair.start(dir.resolve("x"), dir.resolve("x")));
        assertEquals("the two ends of a pseudo-terminal pair need two links, both are " + dir.resolve("x"),
                refused.getMessage());
    }

    /** Writes {@code bytes} to terminal {@code from} and returns as many read at terminal {@code to}. */
    private static byte[] carry(String from, String to, byte[] bytes) throws Exception {
        try (InputStream in = new FileInputStream(to); OutputStream out = new FileOutputStream(from)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readExactly(in, bytes.length));
            out.write(bytes);
            out.flush();
            try {
                return received.get(PseudoTerminalPair.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new AssertionError("the bytes written at " + from + " did not arrive at " + to, e);
            }
        }
    }

    private static byte[] readExactly(InputStream in, int count) {
        byte[] buffer = new byte[count];
        int offset = 0;
        try {
            while (offset < count) {
                int n = in.read(buffer, offset, count - offset);
                if (n < 0) {
                    throw new IllegalStateException("the terminal ended after " + offset + " of " + count + " bytes");
                }
                offset += n;
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the terminal failed after " + offset + " bytes", e);
        }
        return buffer;
    }

    /** One read; -1 when the terminal has ended, by end of file or by the I/O error a hung-up terminal gives. */
    private static int readOrMinusOne(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }
}
