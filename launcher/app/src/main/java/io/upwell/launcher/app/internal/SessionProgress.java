package io.upwell.launcher.app.internal;

import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.SessionSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a stream of snapshots into what the demo prints: each cup once per second of session time
 * (not wall time, so the virtual clock prints the same kind of lines), and every new alarm as it
 * appears. Under the virtual clock several seconds can pass between two snapshots; only the
 * latest is printed.
 */
final class SessionProgress {

    private long lastPrintedSecond = -1;
    private int alarmsPrinted;

    List<String> update(SessionSnapshot snapshot) {
        List<String> lines = new ArrayList<>();
        for (int i = alarmsPrinted; i < snapshot.alarms().size(); i++) {
            lines.add("ALARM " + snapshot.alarms().get(i));
        }
        alarmsPrinted = snapshot.alarms().size();
        long second = snapshot.elapsed().toSeconds();
        if (second > lastPrintedSecond) {
            lastPrintedSecond = second;
            for (ChannelStatus channel : snapshot.channels()) {
                lines.add(String.format(Locale.ROOT, "[%3d s] %s", second, Formats.cup(channel)));
            }
        }
        return lines;
    }
}
