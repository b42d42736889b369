package org.haven.cases;

import org.haven.cases.audit.AuditScenarios;
import org.haven.cases.read.CaseListScenarios;
import org.haven.cases.read.DeadlineScenarios;
import org.haven.cases.read.replay.ReplayScenarios;
import org.haven.cases.upcasting.CaseClosedUpcastingScenarios;
import org.junit.jupiter.api.Nested;

/**
 * The read side's and audit's integration tests on the real PostgreSQL and Kafka, in one application context.
 * Each feature's scenarios live beside its code; they run here as nested classes, in one context kept in use from
 * the first scenario to the last (Spring 7 pauses a cached context whenever a test class with another context runs,
 * and a paused context's processors and scheduler stand still).
 */
class ReadAndAuditIntegrationTest extends ReadSideIntegrationTest {

    @Nested
    class CaseList extends CaseListScenarios {
    }

    @Nested
    class Deadlines extends DeadlineScenarios {
    }

    @Nested
    class Audit extends AuditScenarios {
    }

    @Nested
    class Replay extends ReplayScenarios {
    }

    @Nested
    class Upcasting extends CaseClosedUpcastingScenarios {
    }
}
