package io.upwell.engine.core.internal.screening;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.ScreeningCase;
import io.upwell.api.screening.ScreeningRule;
import io.upwell.api.screening.SiteFinding;
import io.upwell.api.screening.Verdict;
import io.upwell.api.technique.TechniqueStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the engine always applies (SR-14), from the contraindications of general cupping
 * practice: absolute ones refuse, relative ones lower every cup's limit and need the operator's
 * recorded consent, lymphatic ones refuse a lymphatic program (and count as relative for any other),
 * local ones keep cups off their sites, and pregnancy keeps them off the abdomen and lower back.
 */
public final class BuiltInRules {

    /**
     * What a relative contraindication leaves of each cup's limit: 60 %. Judgement: "treat gently"
     * has no figure in the literature; 60 % of a region's limit keeps a back cup at 33 kPa, inside
     * the lower half of the 8 to 80 kPa reported for dry cupping.
     */
    public static final double RELATIVE_FRACTION = 0.6;

    private static final String SOURCE = Contraindication.SOURCE;

    private BuiltInRules() {
    }

    public static List<ScreeningRule> all() {
        return List.of(rule("absolute contraindications", BuiltInRules::absolute),
                rule("relative contraindications", BuiltInRules::relative),
                rule("lymphatic contraindications", BuiltInRules::lymphatic),
                rule("local contraindications", BuiltInRules::local),
                rule("pregnancy: abdomen and lower back", BuiltInRules::pregnancy));
    }

    private static List<Verdict> absolute(ScreeningCase c) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Contraindication condition : sorted(c)) {
            if (condition.kind() == Contraindication.Kind.ABSOLUTE) {
                verdicts.add(new Verdict.Refuse("absolute contraindications", condition.label()
                        + " (" + condition.key() + "): do not treat", SOURCE));
            }
        }
        return verdicts;
    }

    private static List<Verdict> relative(ScreeningCase c) {
        List<String> found = new ArrayList<>();
        for (Contraindication condition : sorted(c)) {
            boolean relative = condition.kind() == Contraindication.Kind.RELATIVE
                    || condition.kind() == Contraindication.Kind.LYMPHATIC && c.style() != TechniqueStyle.LYMPHATIC;
            if (relative) {
                found.add(condition.label() + " (" + condition.key() + ")");
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return List.of(new Verdict.Lower("relative contraindications", String.join("; ", found)
                + ": treat gently, every cup at most " + Math.round(RELATIVE_FRACTION * 100)
                + " % of its limit, with the operator's recorded consent", SOURCE + "; 60 % is judgement",
                RELATIVE_FRACTION, true));
    }

    private static List<Verdict> lymphatic(ScreeningCase c) {
        if (c.style() != TechniqueStyle.LYMPHATIC) {
            return List.of();
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Contraindication condition : sorted(c)) {
            if (condition.kind() == Contraindication.Kind.LYMPHATIC) {
                verdicts.add(new Verdict.Refuse("lymphatic contraindications", condition.label() + " ("
                        + condition.key() + "): no lymphatic program", SOURCE));
            }
        }
        return verdicts;
    }

    private static List<Verdict> local(ScreeningCase c) {
        if (c.screening().sites().isEmpty()) {
            return List.of();
        }
        List<String> where = new ArrayList<>();
        List<Verdict.ForbidSites.Place> places = new ArrayList<>();
        for (SiteFinding finding : c.screening().sites()) {
            where.add(finding.condition().label() + " on " + site(finding.region(), finding.side()));
            places.add(new Verdict.ForbidSites.Place(finding.region(), finding.side(), finding.condition().label()));
        }
        return List.of(new Verdict.ForbidSites("local contraindications", String.join("; ", where), SOURCE, places));
    }

    private static List<Verdict> pregnancy(ScreeningCase c) {
        if (!c.screening().conditions().contains(Contraindication.PREGNANCY)) {
            return List.of();
        }
        List<Verdict.ForbidSites.Place> off = new ArrayList<>();
        for (BodyRegion region : List.of(BodyRegion.ABDOMEN, BodyRegion.LOWER_BACK)) {
            for (Side side : Side.values()) {
                off.add(new Verdict.ForbidSites.Place(region, side, "pregnancy"));
            }
        }
        return List.of(new Verdict.ForbidSites("pregnancy: abdomen and lower back",
                "pregnancy: never the abdomen or the lower back", SOURCE, off));
    }

    private static List<Contraindication> sorted(ScreeningCase c) {
        return c.screening().conditions().stream().sorted().toList();
    }

    static String site(BodyRegion region, Side side) {
        String name = region.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return side == Side.CENTRE ? name : name + "/" + side.name().toLowerCase(java.util.Locale.ROOT);
    }

    private interface Judge {
        List<Verdict> judge(ScreeningCase c);
    }

    private static ScreeningRule rule(String name, Judge judge) {
        return new ScreeningRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Verdict> judge(ScreeningCase screeningCase) {
                return judge.judge(screeningCase);
            }
        };
    }
}
