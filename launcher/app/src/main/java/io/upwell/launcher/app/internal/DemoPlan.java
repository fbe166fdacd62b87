package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The demo's session: static cupping with up to four cups on a device's first channels (upper back
 * left and right, shoulders left and right), short enough to watch (5 s ramp, 20 s hold, 3 s release),
 * fitted to what the device reports:
 * <ul>
 * <li>as many cups as it has channels, four at most;</li>
 * <li>the last cup gets less through a per-cup override, to show one, unless the cups share one pump
 * (an interval vacuum system): a shared pump holds one vacuum at a time, and the engine refuses a program
 * that asks it for two, so every cup then gets the same level;</li>
 * <li>no screening on a simulator (the engine allows that there only); on any other device a
 * screening of the demo client that found nothing, screened by {@value #OPERATOR}.</li>
 * </ul>
 */
final class DemoPlan {

    /** The simulator the demo runs on without {@code --port}. */
    static final String DEVICE_ID = "sim-1";
    static final String TECHNIQUE_ID = "static-cupping";
    static final String OPERATOR = "demo";
    static final Client CLIENT = new Client("demo-client", "Demo client");

    /** Ramp-in, hold and ramp-out: the program's length. */
    static final Duration PLANNED = Duration.ofSeconds(5 + 20 + 3);

    static final int MOST_CUPS = 4;
    static final int TARGET_KPA = 40;
    static final int OVERRIDE_KPA = 30;

    private static final List<BodySite> SITES = List.of(
            new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""),
            new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, ""),
            new BodySite(BodyRegion.SHOULDER, Side.LEFT, ""),
            new BodySite(BodyRegion.SHOULDER, Side.RIGHT, ""));

    private final String deviceId;
    private final int cups;
    private final boolean sharedPump;
    private final Optional<Screening> screening;

    private DemoPlan(String deviceId, int cups, boolean sharedPump, Optional<Screening> screening) {
        this.deviceId = deviceId;
        this.cups = cups;
        this.sharedPump = sharedPump;
        this.screening = screening;
    }

    /** The plan for this device, as it describes itself to the engine. */
    static DemoPlan on(DeviceDescriptor device) {
        int cups = Math.min(MOST_CUPS, device.channelCount());
        Set<Integer> pumps = new HashSet<>();
        boolean shared = false;
        for (ChannelDescriptor channel : device.channels().subList(0, cups)) {
            shared |= !pumps.add(channel.pumpGroup());
        }
        return new DemoPlan(device.id(), cups, shared,
                device.simulated() ? Optional.empty() : Optional.of(Screening.clear(OPERATOR)));
    }

    String deviceId() {
        return deviceId;
    }

    int cups() {
        return cups;
    }

    /** True when the cups hang on one pump, so the plan asks one level of all of them. */
    boolean sharedPump() {
        return sharedPump;
    }

    /** The screening the request carries: empty on a simulator. */
    Optional<Screening> screening() {
        return screening;
    }

    /** The cup that gets {@value #OVERRIDE_KPA} kPa of its own, if any. */
    OptionalInt overriddenCup() {
        return sharedPump || cups < 2 ? OptionalInt.empty() : OptionalInt.of(cups - 1);
    }

    SessionRequest request() {
        List<Placement> placements = new ArrayList<>(cups);
        for (int cup = 0; cup < cups; cup++) {
            placements.add(new Placement(deviceId, cup, SITES.get(cup)));
        }
        overriddenCup().ifPresent(cup -> placements.set(cup,
                placements.get(cup).withOverrides(Map.of("targetKpa", ParameterValue.of(OVERRIDE_KPA)))));
        Map<String, ParameterValue> parameters = Map.of(
                "targetKpa", ParameterValue.of(TARGET_KPA),
                "holdSeconds", ParameterValue.of(20),
                "rampInSeconds", ParameterValue.of(5),
                "rampOutSeconds", ParameterValue.of(3));
        SessionRequest request = new SessionRequest(OPERATOR, CLIENT, screening.orElse(null), TECHNIQUE_ID, parameters, placements,
                100);
        // The demo client is no person, and a demo run again within the minimum interval would meet
        // SR-15's rule on its own earlier runs: on a real device the request says so, and it is journaled.
        return screening.isPresent() ? request.withOverride(OVER_TREATMENT_OVERRIDE) : request;
    }

    /** On a real device: the over-treatment rules set aside, with the reason, for a client who is nobody. */
    static final TreatmentOverride OVER_TREATMENT_OVERRIDE = new TreatmentOverride(OPERATOR,
            "a demonstration on a bench device or an emulator; no person is treated");

    /** What the session will do, in one line: {@code static cupping on sim-1, 4 cups at 40 kPa (cup 3: 30 kPa), ...}. */
    String headline() {
        String levels = overriddenCup().isPresent()
                ? " (cup " + overriddenCup().getAsInt() + ": " + OVERRIDE_KPA + " kPa)"
                : sharedPump ? " (one level for every cup: they share one pump)" : "";
        return "static cupping on " + deviceId + ", " + cups + (cups == 1 ? " cup" : " cups") + " at " + TARGET_KPA
                + " kPa" + levels + ", 5 s ramp, 20 s hold, 3 s release";
    }
}
