package io.upwell.engine.core.internal;

import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a finished session's summary as its journal's last record. */
final class SessionSnapshotSummary {
    private SessionSnapshotSummary() {
    }

    static void write(SessionJournal journal, ActiveSession session) {
        SessionSnapshot snapshot = session.snapshot();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", snapshot.state().name());
        summary.put("reason", snapshot.reason());
        summary.put("programSeconds", snapshot.elapsed().toMillis() / 1000.0);
        List<Map<String, Object>> peaks = new ArrayList<>();
        for (ChannelStatus cup : snapshot.channels()) {
            peaks.add(Map.of("cup", cup.cup(), "peakKpa", Math.round(cup.peakKpa() * 100) / 100.0));
        }
        summary.put("peaks", peaks);
        summary.put("alarms", snapshot.alarms().size());
        journal.end(session.id(), summary);
    }
}
