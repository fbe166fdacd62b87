package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodySite;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import io.upwell.api.session.Client;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shell's {@code screen} questions: who the client is, who screens, which conditions the client
 * has (by number from the list, each with its kind), local findings per site, a limit the screener
 * sets, and, when a relative condition was named, the operator's consent. A wrong answer is named
 * and the question asked again; an empty answer to the first question, {@code cancel} at any
 * question, or the end of input abandons the screening without keeping anything.
 */
final class ScreeningInterview {

    /** How often one question is asked again after a wrong answer before the screening is abandoned. */
    static final int ATTEMPTS = 3;
    static final String CANCEL = "cancel";

    private final BufferedReader answers;
    private final PrintStream out;

    ScreeningInterview(BufferedReader answers, PrintStream out) {
        this.answers = answers;
        this.out = out;
    }

    /** A screened client, kept for the shell's next {@code start ... client=<id>}. */
    record ScreenedClient(Client client, Screening screening) {
    }

    /** Thrown inside the interview when it is abandoned; never escapes {@link #run}. */
    private static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;

        Abandoned(String why) {
            super(why, null, false, false);
        }
    }

    /** A parser for one answer: returns the value or throws {@link IllegalArgumentException} naming what is wrong. */
    private interface Reading<T> {
        T read(String answer);
    }

    /**
     * Asks the questions; {@code clientId} (from {@code screen <client>}) skips the first one.
     *
     * @return the client and screening, or empty when the operator abandoned it (the reason printed)
     */
    Optional<ScreenedClient> run(String clientId, String defaultScreener) {
        try {
            String id = clientId != null && !clientId.isBlank() ? clientId.strip()
                    : ask("client id (empty to cancel)", answer -> answer);
            if (id.isEmpty()) {
                throw new Abandoned("no client named");
            }
            String name = ask("client name (optional)", answer -> answer);
            String screenedBy = ask("screened by [" + defaultScreener + "]",
                    answer -> answer.isEmpty() ? defaultScreener : answer);
            Set<Contraindication> conditions = askConditions();
            List<SiteFinding> sites = askSites();
            double limit = ask("highest vacuum for this client in kPa (empty for none)", ScreeningInterview::limit);
            Consent consent = needsConsent(conditions) ? askConsent(conditions) : null;
            Screening screening = new Screening(conditions, sites, limit, screenedBy, consent);
            ScreenedClient screened = new ScreenedClient(new Client(id, name), screening);
            summarise(screened).forEach(out::println);
            return Optional.of(screened);
        } catch (Abandoned e) {
            out.println("screening abandoned: " + e.getMessage() + "; nothing kept");
            return Optional.empty();
        }
    }

    private Set<Contraindication> askConditions() throws Abandoned {
        out.println("Conditions that speak against cupping (absolute: no session; relative: lower limits and"
                + " consent; lymphatic: no lymphatic program):");
        Contraindication[] all = Contraindication.values();
        for (int i = 0; i < all.length; i++) {
            out.println(String.format(Locale.ROOT, "  %2d  %-9s %s", i + 1, kind(all[i]), all[i].label()));
        }
        return ask("the client's conditions, numbers or names separated by commas (empty for none)",
                ScreeningInterview::conditions);
    }

    private List<SiteFinding> askSites() throws Abandoned {
        StringBuilder known = new StringBuilder();
        for (SiteCondition condition : SiteCondition.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(condition.key());
        }
        out.println("Local findings, one per line as <region>[/left|/right] <condition>; an empty line ends them.");
        out.println("  conditions: " + known);
        List<SiteFinding> findings = new ArrayList<>();
        while (true) {
            Optional<SiteFinding> finding = ask("finding " + (findings.size() + 1), ScreeningInterview::finding);
            if (finding.isEmpty()) {
                return List.copyOf(findings);
            }
            findings.add(finding.get());
        }
    }

    private Consent askConsent(Set<Contraindication> conditions) throws Abandoned {
        out.println("Relative contraindications: "
                + conditions.stream().filter(ScreeningInterview::relative).map(Contraindication::key).toList()
                + ". The session runs at lowered limits only with the consent of someone who takes"
                + " responsibility (a physician's agreement, say).");
        String givenBy = ask("consent given by (empty for no consent: the engine will refuse the session)",
                answer -> answer);
        if (givenBy.isEmpty()) {
            return null;
        }
        String reason = ask("reason for the consent", answer -> {
            if (answer.isEmpty()) {
                throw new IllegalArgumentException("the reason must be given");
            }
            return answer;
        });
        return new Consent(givenBy, reason);
    }

    private <T> T ask(String question, Reading<T> reading) throws Abandoned {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            out.print(question + ": ");
            out.flush();
            String line;
            try {
                line = answers.readLine();
            } catch (IOException e) {
                throw new Abandoned("the console could not be read (" + e.getMessage() + ")");
            }
            if (line == null) {
                out.println();
                throw new Abandoned("the input ended");
            }
            String answer = line.strip();
            if (answer.equalsIgnoreCase(CANCEL)) {
                throw new Abandoned("cancelled");
            }
            try {
                return reading.read(answer);
            } catch (IllegalArgumentException e) {
                out.println("  " + e.getMessage());
            }
        }
        throw new Abandoned(ATTEMPTS + " wrong answers to '" + question + "'");
    }

    static Set<Contraindication> conditions(String answer) {
        Set<Contraindication> conditions = EnumSet.noneOf(Contraindication.class);
        if (answer.isEmpty() || answer.equalsIgnoreCase("none")) {
            return conditions;
        }
        Contraindication[] all = Contraindication.values();
        for (String part : answer.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.chars().allMatch(Character::isDigit)) {
                int number;
                try {
                    number = Integer.parseInt(item);
                } catch (NumberFormatException e) {
                    number = -1;
                }
                if (number < 1 || number > all.length) {
                    throw new IllegalArgumentException("'" + item + "' is not on the list: numbers run 1.." + all.length);
                }
                conditions.add(all[number - 1]);
            } else {
                conditions.add(Contraindication.parse(item));
            }
        }
        return conditions;
    }

    /** {@code region[/side] condition}, or empty for an empty line (no more findings). */
    static Optional<SiteFinding> finding(String answer) {
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        String[] words = answer.split("\\s+");
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + answer + "': give a site and a condition, for example"
                    + " lower-back/left broken-skin");
        }
        BodySite site = StartArguments.site(words[0]);
        return Optional.of(new SiteFinding(site.region(), site.side(), SiteCondition.parse(words[1])));
    }

    static double limit(String answer) {
        if (answer.isEmpty()) {
            return Double.NaN;
        }
        double kpa;
        try {
            kpa = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + answer + "' is not a number of kPa");
        }
        if (!(kpa > 0) || !Double.isFinite(kpa)) {
            throw new IllegalArgumentException("the limit must be a positive number of kPa, got " + answer);
        }
        return kpa;
    }

    private static boolean needsConsent(Set<Contraindication> conditions) {
        return conditions.stream().anyMatch(ScreeningInterview::relative);
    }

    /** Relative, or lymphatic (relative for any technique but a lymphatic one). */
    private static boolean relative(Contraindication condition) {
        return condition.kind() != Contraindication.Kind.ABSOLUTE;
    }

    private static String kind(Contraindication condition) {
        return condition.kind().name().toLowerCase(Locale.ROOT);
    }

    static List<String> summarise(ScreenedClient screened) {
        Screening screening = screened.screening();
        List<String> lines = new ArrayList<>();
        lines.add("screening of client " + screened.client().id() + " by " + screening.screenedBy() + ":");
        lines.add("  conditions: " + (screening.conditions().isEmpty() ? "none"
                : screening.conditions().stream().map(c -> c.key() + " (" + kind(c) + ")").sorted().toList()));
        lines.add("  local findings: " + (screening.sites().isEmpty() ? "none"
                : screening.sites().stream().map(f -> f.region().name().toLowerCase(Locale.ROOT).replace('_', '-') + "/"
                        + f.side().name().toLowerCase(Locale.ROOT) + " " + f.condition().key()).toList()));
        lines.add("  limit: " + screening.limit().stream().mapToObj(k -> String.format(Locale.ROOT, "%.1f kPa", k))
                .findFirst().orElse("none set"));
        screening.consentGiven().ifPresent(c -> lines.add("  consent: " + c.givenBy() + " (" + c.reason() + ")"));
        if (screening.conditions().stream().anyMatch(c -> c.kind() == Contraindication.Kind.ABSOLUTE)) {
            lines.add("  an absolute contraindication: the engine will refuse any session for this client");
        } else if (needsConsent(screening.conditions()) && screening.consentGiven().isEmpty()) {
            lines.add("  no consent for the relative contraindications: the engine will refuse the session");
        }
        lines.add("kept for this shell: start ... client=" + screened.client().id() + " uses it");
        return lines;
    }
}
