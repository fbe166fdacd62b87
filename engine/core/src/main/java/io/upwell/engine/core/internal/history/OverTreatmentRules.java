package io.upwell.engine.core.internal.history;

import io.upwell.api.body.BodySite;
import io.upwell.api.history.PastTreatment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * SR-15's two rules for one planned session: a site of the client's is not treated again within
 * the minimum interval after its last session, and not for more than the daily exposure in any
 * 24 h. Each breach is a warning that names the session behind it and when the site may be treated
 * again; the caller refuses the start unless an override was given.
 *
 * @param interval      least time from the end of a session on a site to the start of the next; zero for no check
 * @param dailyExposure most program time on a site in any 24 h
 */
public record OverTreatmentRules(Duration interval, Duration dailyExposure) {

    /** The window the daily exposure is summed over. */
    public static final Duration DAY = Duration.ofHours(24);

    /** One cup of the planned session on a real device: where it sits and how long its program runs. */
    public record PlannedSite(int cup, String deviceId, BodySite site, Duration planned) {
    }

    /** How far back the history must reach for these rules. */
    public Duration lookBack() {
        return interval.compareTo(DAY) > 0 ? interval : DAY;
    }

    /**
     * @param clientId the client, for the messages
     * @param planned  the cups on real devices; cups on one site are judged once, by the longest
     * @param history  the client's past treatments (any sites, any age)
     * @param now      the start being judged
     * @return the warnings, one per breached rule and site, in cup order; empty when the start may go ahead
     */
    public List<String> warnings(String clientId, List<PlannedSite> planned, List<PastTreatment> history,
            Instant now) {
        List<String> warnings = new ArrayList<>();
        List<BodySite> judged = new ArrayList<>();
        for (PlannedSite cup : planned) {
            if (judged.stream().anyMatch(site -> sameSite(site, cup.site()))) {
                continue;
            }
            judged.add(cup.site());
            Duration longest = planned.stream().filter(p -> sameSite(p.site(), cup.site()))
                    .map(PlannedSite::planned).max(Comparator.naturalOrder()).orElse(cup.planned());
            List<PastTreatment> here = history.stream().filter(t -> t.sameSite(cup.site())).toList();
            String where = "cup " + cup.cup() + " at " + cup.site();
            intervalWarning(clientId, where, here, now).ifPresent(warnings::add);
            exposureWarning(clientId, where, here, longest, now).ifPresent(warnings::add);
        }
        return warnings;
    }

    private java.util.Optional<String> intervalWarning(String clientId, String where, List<PastTreatment> here,
            Instant now) {
        if (interval.isZero()) {
            return java.util.Optional.empty();
        }
        return here.stream().filter(t -> t.ended().plus(interval).isAfter(now))
                .max(Comparator.comparing(PastTreatment::ended))
                .map(last -> where + ": client " + clientId + " had session " + last.sessionId() + " on device "
                        + last.deviceId() + " on this site, ended " + last.ended().truncatedTo(ChronoUnit.SECONDS)
                        + " (" + ago(last.ended(), now) + " ago); the minimum interval is " + hours(interval)
                        + ", so the site may be treated again from "
                        + last.ended().plus(interval).truncatedTo(ChronoUnit.SECONDS));
    }

    private java.util.Optional<String> exposureWarning(String clientId, String where, List<PastTreatment> here,
            Duration planned, Instant now) {
        List<PastTreatment> today = here.stream().filter(t -> t.ended().isAfter(now.minus(DAY)))
                .sorted(Comparator.comparing(PastTreatment::ended)).toList();
        Duration had = today.stream().map(PastTreatment::exposure).reduce(Duration.ZERO, Duration::plus);
        if (had.plus(planned).compareTo(dailyExposure) <= 0) {
            return java.util.Optional.empty();
        }
        if (planned.compareTo(dailyExposure) > 0) {
            return java.util.Optional.of(where + ": the " + minutes(planned) + " planned are more than the daily"
                    + " exposure of " + minutes(dailyExposure) + " on one site");
        }
        // The earliest moment enough of today's sessions have left the 24 h window for this one to fit.
        Duration left = had;
        Instant from = now;
        for (PastTreatment treatment : today) {
            left = left.minus(treatment.exposure());
            from = treatment.ended().plus(DAY);
            if (left.plus(planned).compareTo(dailyExposure) <= 0) {
                break;
            }
        }
        return java.util.Optional.of(where + ": client " + clientId + " had " + minutes(had) + " on this site in the"
                + " last 24 h (sessions " + today.stream().map(PastTreatment::sessionId).toList() + "); with the "
                + minutes(planned) + " planned that is more than the daily exposure of " + minutes(dailyExposure)
                + "; a session this long fits again from " + from.truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean sameSite(BodySite a, BodySite b) {
        return a.region() == b.region() && a.side() == b.side();
    }

    private static String ago(Instant then, Instant now) {
        Duration gone = Duration.between(then, now);
        return gone.isNegative() ? "0 min" : gone.toHours() >= 2 ? gone.toHours() + " h" : gone.toMinutes() + " min";
    }

    private static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.4g h", duration.toMillis() / 3_600_000.0).replaceAll("\\.?0+ h$", " h");
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%.1f min", duration.toMillis() / 60_000.0);
    }
}
