package org.haven.cases;

import org.haven.cases.audit.AuditScenarios;
import org.haven.cases.read.CaseListScenarios;
import org.haven.cases.read.DeadlineScenarios;
import org.haven.cases.read.replay.ReplayScenarios;
import org.haven.cases.upcasting.CaseClosedUpcastingScenarios;
import org.junit.jupiter.api.Nested;

/**
 * The read side's and audit's integration tests on the real PostgreSQL and Kafka, in one application context.
 * Each feature's scenarios live beside its code; they run here as nested classes because Spring 7 pauses (stops)
 * a cached context whenever another test class with a different context runs, and the db-scheduler lifecycle
 * does not start again after a stop. Nested classes keep this context in use from the first scenario to the last.
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
