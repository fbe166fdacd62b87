package io.upwell.engine.core.internal.state;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A fixed table of legal state transitions. Asking for one outside the table is a bug in the
 * core, refused with an {@link IllegalStateException} rather than recovered from.
 */
public final class Transitions<S extends Enum<S>> {
    private final String subject;
    private final Map<S, Set<S>> legal;

    private Transitions(String subject, Map<S, Set<S>> legal) {
        this.subject = subject;
        this.legal = legal;
    }

    public static <S extends Enum<S>> Builder<S> of(String subject, Class<S> type) {
        return new Builder<>(subject, type);
    }

    public boolean allows(S from, S to) {
        return legal.get(from).contains(to);
    }

    /** Returns {@code to} when the move is legal; throws naming both states otherwise. */
    public S check(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalStateException(subject + ": illegal transition " + from + " -> " + to);
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>> {
        private final String subject;
        private final Class<S> type;
        private final Map<S, Set<S>> legal;

        private Builder(String subject, Class<S> type) {
            this.subject = subject;
            this.type = type;
            this.legal = new EnumMap<>(type);
            for (S state : type.getEnumConstants()) {
                legal.put(state, EnumSet.noneOf(type));
            }
        }

        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            for (S target : to) {
                legal.get(from).add(target);
            }
            return this;
        }

        public Transitions<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            legal.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
            return new Transitions<>(subject, frozen);
        }
    }
}
