package org.haven.eligibility.rules.rfe;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.RfeAnswered;
import org.haven.events.CaseEventPayload.RfeReceived;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFE-RESPONSE: the response is due on the date printed on the notice (8 CFR 103.2(b)(8)) — an exact date that
 * never moves — with reminders 30, 14 and 7 days before, until it is answered. A missed RFE date loses the case.
 */
public final class RfeResponseRule implements Rule {

    public static final String ID = "RFE-RESPONSE";
    public static final List<Integer> REMIND_DAYS_BEFORE = List.of(30, 14, 7);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Respond to a request for evidence by the date on the notice", "8 CFR 103.2(b)(8)",
            EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (RfeReceived rfe : history.all(RfeReceived.class)) {
            Optional<RfeAnswered> answer = history.after(rfe).stream()
                    .filter(RfeAnswered.class::isInstance).map(RfeAnswered.class::cast)
                    .filter(answered -> answered.rfeId().equals(rfe.rfeId()))
                    .findFirst();
            if (answer.isEmpty()) {
                findings.add(Finding.deadline(DeadlineType.RFE_RESPONSE_DUE, rfe.respondBy(), REMIND_DAYS_BEFORE));
                if (asOf.isAfter(rfe.respondBy())) {
                    findings.add(Finding.warning("URGENT: the response to the RFE on the " + rfe.filing() + " filing was due on "
                            + rfe.respondBy() + " and is not recorded as answered."));
                }
            } else if (answer.get().answeredOn().isAfter(rfe.respondBy())) {
                findings.add(Finding.warning("The RFE on the " + rfe.filing() + " filing was answered on "
                        + answer.get().answeredOn() + ", after its response date " + rfe.respondBy() + "."));
            }
        }
        return findings;
    }
}
