package io.upwell.devices.emulator.internal;

import java.util.Locale;

/**
 * The fuzz campaign at full size: {@code java ... FuzzBenchmark [inputs] [seed]}, by default a million
 * inputs and the tests' seed. Prints the throughput and what the inputs turned out to be; any broken
 * rule ends it with the AssertionError naming the input. A measurement, not a test: see
 * docs/BENCHMARKS.md for how to run it and the figures.
 */
public final class FuzzBenchmark {

    private FuzzBenchmark() {
    }

    public static void main(String[] args) {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261124L;
        // Warm-up on another seed, so the JIT has compiled the handler before the measured run.
        new FuzzCampaign(seed + 1).run(Math.min(inputs, 200_000));
        FuzzCampaign campaign = new FuzzCampaign(seed);
        long start = System.nanoTime();
        campaign.run(inputs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%,d inputs (seed %d) in %.2f s: %,.0f inputs/s; %,d frames handled, %,d replies checked"
                + " (%,d against the oracle)%n", campaign.inputs(), seed, seconds, campaign.inputs() / seconds,
                campaign.handled(), campaign.repliesChecked(), campaign.oracleChecked());
        System.out.println("outcomes: " + campaign.counters());
        System.out.println("no rule broken, no exception escaped");
    }
}
