package io.upwell.api.screening;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A screening rule, registered as a service by a clinic's bundle (the whiteboard): the engine asks
 * every rule about every session request that carries screening, on its plugin threads under a
 * deadline. A rule that throws, hangs or answers null refuses the session, naming the rule: a
 * screening that could not be judged is not passed.
 */
@ConsumerType
public interface ScreeningRule {

    /** A short name, unique among rules, for example {@code "clinic: no cupping within 48 h of surgery"}. */
    String name();

    /** Every verdict on this case; empty when the rule has nothing to say. */
    List<Verdict> judge(ScreeningCase screeningCase) throws Exception;
}
