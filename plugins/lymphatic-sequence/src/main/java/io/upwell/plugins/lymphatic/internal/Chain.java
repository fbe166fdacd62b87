package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.Cup;
import io.upwell.api.technique.TechniqueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cups of a lymphatic sequence in zone order, zone 0 (nearest the trunk) first. Built only from
 * a request whose every cup has a zone and whose zones run 0, 1, 2, ... with one cup each: anything
 * else leaves the order ambiguous, and lymph must never be drained distal before proximal.
 */
final class Chain {

    private final List<Cup> byZone;

    private Chain(List<Cup> byZone) {
        this.byZone = List.copyOf(byZone);
    }

    static Chain of(List<Cup> cups) throws TechniqueException {
        String id = LymphaticSequenceTechnique.ID;
        if (cups.isEmpty()) {
            throw new TechniqueException(id + ": the request has no cups");
        }
        Map<Integer, Cup> zones = new TreeMap<>();
        for (Cup cup : cups) {
            if (cup.zone().isEmpty()) {
                throw new TechniqueException(id + ": cup " + cup.index() + " has no zone; every cup needs its place in"
                        + " the chain, 0 nearest the trunk");
            }
            Cup other = zones.putIfAbsent(cup.zone().getAsInt(), cup);
            if (other != null) {
                throw new TechniqueException(id + ": cups " + other.index() + " and " + cup.index()
                        + " are both in zone " + cup.zone().getAsInt() + ", so the order is ambiguous; give each cup"
                        + " its own zone");
            }
        }
        List<Cup> ordered = new ArrayList<>(zones.size());
        int expected = 0;
        for (Map.Entry<Integer, Cup> entry : zones.entrySet()) {
            if (entry.getKey() != expected) {
                throw new TechniqueException(id + ": cup " + entry.getValue().index() + " is in zone " + entry.getKey()
                        + " but no cup is in zone " + expected + "; zones must run 0, 1, 2, ... without a gap");
            }
            ordered.add(entry.getValue());
            expected++;
        }
        return new Chain(ordered);
    }

    int size() {
        return byZone.size();
    }

    /** The cup in a zone. */
    Cup cup(int zone) {
        return byZone.get(zone);
    }

    /** The zone of a cup index, or -1 when no cup of the chain has that index. */
    int zoneOf(int cupIndex) {
        for (int zone = 0; zone < byZone.size(); zone++) {
            if (byZone.get(zone).index() == cupIndex) {
                return zone;
            }
        }
        return -1;
    }
}
