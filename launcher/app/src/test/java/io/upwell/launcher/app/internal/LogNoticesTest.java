package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogNoticesTest {

    @Test
    void warningsAndErrorsBecomeOneConsoleLineAndEverythingElseStaysInTheFile() {
        assertEquals(Optional.of("[ERROR] ALARM HIGH EMERGENCY_STOP (SR-13) at engine: emergency stop by shell (Engine)"),
                LogNotices.notice("2026-11-24 12:39:38.452+0000 [upwell-events-1] ERROR"
                        + " io.upwell.engine.core.internal.Engine - ALARM HIGH EMERGENCY_STOP (SR-13) at engine:"
                        + " emergency stop by shell"));
        assertEquals(Optional.of("[WARN] configuration rejected: clock (EngineComponent)"),
                LogNotices.notice("2026-11-24 12:39:38.452+0000 [CM Event Dispatcher (Fire ConfigurationEvent:"
                        + " pid=io.upwell.engine)] WARN io.upwell.engine.core.internal.EngineComponent -"
                        + " configuration rejected: clock"));
        assertEquals(Optional.empty(), LogNotices.notice("2026-11-24 12:39:29.261+0000 [FelixStartLevel] INFO"
                + " io.upwell.engine.core.internal.Engine - Upwell engine started"));
        assertEquals(Optional.empty(), LogNotices.notice("\tat io.upwell.engine.core.internal.Engine.start(Engine.java:1)"));
    }

    @Test
    void followsTheFileAsItGrowsHandingOverWholeLinesOnly(@TempDir Path directory) throws IOException {
        Path log = directory.resolve("upwell.log");
        List<String> console = new CopyOnWriteArrayList<>();
        try (LogNotices notices = LogNotices.follow(log, console::add)) {
            append(log, "2026-11-24 12:00:00.000+0000 [main] INFO a.B - fine\n");
            append(log, "2026-11-24 12:00:00.001+0000 [main] WARN a.B - leak on cup 1 at Zoë's back");
            append(log, "\n2026-11-24 12:00:00.002+0000 [main] ERROR a.C - over-vacuum\n\tat a.C.x(C.java:1)\n");

            awaitSize(console, 2);
        }
        assertEquals(List.of("[WARN] leak on cup 1 at Zoë's back (B)", "[ERROR] over-vacuum (C)"), console);
    }

    private static void append(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void awaitSize(List<String> list, int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (list.size() < size) {
            assertTrue(System.nanoTime() - deadline < 0, "never got " + size + " notices: " + list);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
