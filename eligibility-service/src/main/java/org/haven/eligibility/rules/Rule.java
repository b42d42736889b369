package org.haven.eligibility.rules;

import org.haven.eligibility.history.CaseHistory;

import java.time.LocalDate;
import java.util.List;

/**
 * One rule of rules.md. It is evaluated only as of dates inside {@code descriptor().inForce()}; versions that
 * change within that period (a waiting period, a fee amount) are data of the rule, chosen by the as-of date.
 * A rule that does not concern the history returns no findings.
 */
public interface Rule {

    RuleDescriptor descriptor();

    List<Finding> evaluate(CaseHistory history, LocalDate asOf);

    default String id() {
        return descriptor().id();
    }
}
