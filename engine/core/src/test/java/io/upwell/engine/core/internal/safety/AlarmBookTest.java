package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine's alarms stay bounded without ever dropping one that holds the latch. */
class AlarmBookTest {
    private final AlarmBook book = new AlarmBook(Instant.EPOCH);

    private Alarm alarm(boolean latching) {
        return new Alarm(book.nextId(), latching ? AlarmPriority.HIGH : AlarmPriority.LOW,
                latching ? AlarmCondition.OVER_VACUUM : AlarmCondition.DEVICE_LOST, "d-1", -1, Instant.EPOCH, "m",
                latching);
    }

    @Test
    void itKeepsEveryAlarmUpToItsSize() {
        for (int i = 0; i < AlarmBook.KEPT; i++) {
            book.add(alarm(false), "");
        }
        assertEquals(AlarmBook.KEPT, book.active().size());
        assertEquals("al-0-1", book.active().get(0).id());
    }

    @Test
    void beyondItsSizeClearedAlarmsGoFirstOldestFirst() {
        Alarm first = alarm(false);
        book.add(first, "");
        Alarm second = alarm(false);
        book.add(second, "");
        book.clear(second.id(), Instant.EPOCH); // cleared, but newer than the raised one
        for (int i = 0; i < AlarmBook.KEPT - 2; i++) {
            book.add(alarm(false), "");
        }
        book.add(alarm(true), "");

        assertNull(book.get(second.id()), "the cleared alarm went first");
        assertEquals(AlarmState.RAISED, book.get(first.id()).state(), "the raised one stays while a cleared one can go");
        assertEquals(AlarmBook.KEPT, book.active().size());
    }

    @Test
    void aFloodOfNoticesNeverPushesOutALatchingAlarm() {
        Alarm holding = alarm(true);
        book.add(holding, "s-1");
        Alarm oldestNotice = alarm(false);
        book.add(oldestNotice, "");
        for (int i = 0; i < AlarmBook.KEPT; i++) {
            book.add(alarm(false), "");
            assertEquals(Math.min(i + 3, AlarmBook.KEPT), book.active().size(), "one in, one out once full");
        }
        List<AlarmStatus> kept = book.active();
        assertEquals(AlarmBook.KEPT, kept.size(), "bounded");
        assertEquals(holding.id(), kept.get(0).id(), "the latching alarm is kept, however old");
        assertNull(book.get(oldestNotice.id()), "the oldest notice went");
        assertEquals(AlarmState.RAISED, book.get(holding.id()).state());
    }

    @Test
    void theLatchingAlarmsRaisedAreCounted() {
        Alarm holding = alarm(true);
        book.add(holding, "");
        book.add(alarm(false), "");
        assertEquals(true, book.latchingRaised());
        book.acknowledge(holding.id(), "ann", Instant.EPOCH);
        assertEquals(false, book.latchingRaised(), "acknowledged: it no longer waits; the notice never counted");
    }
}
