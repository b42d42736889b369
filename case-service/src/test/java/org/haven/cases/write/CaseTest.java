package org.haven.cases.write;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseOpened;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.OpenCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class CaseTest {

    private final CaseId caseId = CaseId.newId();
    private final Client client = new Client("Olena", "Kovalenko", LocalDate.of(1990, 5, 1), "UA", "en");
    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    @Test
    void openingACaseRecordsCaseOpenedWithTheClientAndOrganization() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, "org-a", "HVN-2026-000001", client, LocalDate.of(2025, 1, 4), false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(caseId, "org-a", "HVN-2026-000001", client, LocalDate.of(2025, 1, 4), false));
    }
}
