package io.upwell.engine.core.internal;

import io.upwell.api.body.BodySite;
import io.upwell.api.screening.ScreeningCase;
import io.upwell.api.screening.ScreeningRule;
import io.upwell.api.screening.Verdict;
import io.upwell.engine.core.internal.screening.BuiltInRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Judges a session request's screening (SR-14) with the built-in rules and the clinic's, and turns
 * the verdicts into what the planner enforces: problems that refuse the request, and the fraction
 * every cup's limit is lowered to. A clinic rule runs on the plugin threads under their deadline; one
 * that fails refuses the session, naming it: a screening that could not be judged is not passed.
 */
final class ScreeningJudge {

    /** What the verdicts come to. */
    record Judgement(List<Verdict> verdicts, List<String> problems, double fraction, String loweredBy) {
    }

    private ScreeningJudge() {
    }

    static Judgement judge(ScreeningCase screeningCase, List<ScreeningRules.Entry> clinicRules, PluginCaller caller) {
        List<Verdict> verdicts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ScreeningRule rule : BuiltInRules.all()) {
            try {
                verdicts.addAll(rule.judge(screeningCase));
            } catch (Exception e) {
                problems.add("screening rule '" + rule.name() + "' failed: " + Failures.describe(e));
            }
        }
        for (ScreeningRules.Entry entry : clinicRules) {
            String who = "screening rule from module " + entry.module();
            try {
                String name = caller.call(who, "name", entry.rule()::name).get();
                List<Verdict> found = caller.call(who, "judge", () -> entry.rule().judge(screeningCase)).get();
                if (found == null) {
                    problems.add("screening rule '" + name + "' (module " + entry.module() + ") gave no answer"
                            + " (null); the screening cannot be judged");
                } else {
                    verdicts.addAll(found);
                }
            } catch (ExecutionException e) {
                problems.add(who + " failed: " + Failures.describe(e) + "; the screening cannot be judged");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while " + who + " judged the screening");
            }
        }
        double fraction = 1.0;
        String loweredBy = "";
        boolean consented = screeningCase.screening().consent() != null;
        for (Verdict verdict : verdicts) {
            if (verdict instanceof Verdict.Refuse refuse) {
                problems.add("screening: " + refuse.rule() + ": " + refuse.reason() + " (source: " + refuse.source()
                        + ")");
            } else if (verdict instanceof Verdict.Lower lower) {
                if (lower.consentRequired() && !consented) {
                    problems.add("screening: " + lower.rule() + ": " + lower.reason() + "; it needs the operator's"
                            + " recorded consent, which the screening does not carry (source: " + lower.source() + ")");
                }
                if (lower.fraction() < fraction) {
                    fraction = lower.fraction();
                    loweredBy = "screening: " + lower.rule();
                }
            } else if (verdict instanceof Verdict.ForbidSites forbid) {
                List<BodySite> sites = screeningCase.sites();
                for (int c = 0; c < sites.size(); c++) {
                    Verdict.ForbidSites.Place place = forbid.covering(sites.get(c));
                    if (place != null) {
                        problems.add("cup " + c + " at " + sites.get(c) + ": screening: " + forbid.rule() + ": "
                                + place.why() + " there; keep cups off it (source: " + forbid.source() + ")");
                    }
                }
            }
        }
        return new Judgement(List.copyOf(verdicts), List.copyOf(problems), fraction, loweredBy);
    }

    /** A verdict as the journal keeps it. */
    static java.util.Map<String, Object> journaled(Verdict verdict) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("rule", verdict.rule());
        fields.put("verdict", verdict.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        fields.put("reason", verdict.reason());
        fields.put("source", verdict.source());
        if (verdict instanceof Verdict.Lower lower) {
            fields.put("fraction", lower.fraction());
            fields.put("consentRequired", lower.consentRequired());
        }
        return fields;
    }
}
