package org.haven.cases.read;

import org.haven.cases.Api;
import org.haven.cases.ReadSideIntegrationTest;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines from recorded {@code EligibilityAssessed} events, per case and across an organization. Deadlines
 * already due fire at once and record their reminder event, which moves the version but changes no deadline.
 */
public abstract class DeadlineScenarios extends ReadSideIntegrationTest {

    private static Assessment.Deadline deadline(DeadlineType type, LocalDate dueOn) {
        return new Assessment.Deadline(type, dueOn, type.name().replace('_', '-'), "8 CFR 208.4", List.of());
    }

    private static List<String> types(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(item -> item.get("type").asString() + "@" + item.get("status").asString()).toList();
    }

    @Test
    public void aCasesDeadlinesComeFromItsLatestAssessmentWithTheirStatus() {
        String organization = newOrganization("deadlines-case");
        Api api = api(organization, Role.CASEWORKER);
        String id = openCase(api, "Olena", "Deadlines");
        LocalDate today = today();
        record(api, id, "asylum-applications", "{\"filedOn\":\"" + today.minusDays(3) + "\"}");
        assess(organization, id,
                deadline(DeadlineType.ASYLUM_ONE_YEAR, today.plusDays(5)),
                deadline(DeadlineType.EAD_C8_EARLIEST_FILING, today.minusDays(10)),
                deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(200)),
                deadline(DeadlineType.ANNUAL_ASYLUM_FEE_DUE, today.minusDays(2)));

        Api.Response response = api.get("/api/cases/" + id + "/deadlines");

        assertThat(types(response)).containsExactly("EAD_C8_EARLIEST_FILING@PASSED", "ANNUAL_ASYLUM_FEE_DUE@OVERDUE",
                "ASYLUM_ONE_YEAR@MET", "PAROLE_EXPIRY@UPCOMING");
        JsonNode asylum = response.json().get(2);
        assertThat(asylum.get("dueOn").asString()).isEqualTo(today.plusDays(5).toString());
        assertThat(asylum.get("ruleId").asString()).isEqualTo("ASYLUM-ONE-YEAR");
        assertThat(asylum.get("citation").asString()).isEqualTo("8 CFR 208.4");
        assertThat(asylum.get("metOn").asString()).isEqualTo(today.minusDays(3).toString());
        JsonNode eligibility = api.get("/api/cases/" + id).json().get("eligibility");
        assertThat(eligibility.get("pathways").get(0).get("pathway").asString()).isEqualTo("ASYLUM");
        assertThat(eligibility.get("warnings").get(0).get("ruleId").asString()).isEqualTo("EAD-C8-PREMATURE");
    }

    @Test
    public void anAnsweredRfeMeetsItsDeadline() {
        String organization = newOrganization("deadlines-rfe");
        Api api = api(organization, Role.CASEWORKER);
        String id = openCase(api, "Olena", "Rfe");
        LocalDate respondBy = today().plusDays(20);
        record(api, id, "rfes", "{\"filing\":\"EAD\",\"receivedOn\":\"" + today().minusDays(10) + "\",\"respondBy\":\"" + respondBy + "\"}");
        assess(organization, id, deadline(DeadlineType.RFE_RESPONSE_DUE, respondBy));
        assertThat(types(api.get("/api/cases/" + id + "/deadlines"))).containsExactly("RFE_RESPONSE_DUE@UPCOMING");

        String rfeId = api.get("/api/cases/" + id).json().get("rfes").get(0).get("rfeId").asString();
        record(api, id, "rfes/" + rfeId + "/answers", "{\"answeredOn\":\"" + today() + "\"}");

        assertThat(types(api.get("/api/cases/" + id + "/deadlines"))).containsExactly("RFE_RESPONSE_DUE@MET");
    }

    @Test
    public void theOrganizationsDeadlinesDueWithinThePeriodComeSoonestFirstWithTheOverdueOnes() {
        String organization = newOrganization("deadlines-org");
        Api api = api(organization, Role.CASEWORKER);
        LocalDate today = today();
        String first = openCase(api, "Olena", "First");
        String second = openCase(api, "Taras", "Second");
        String closed = openCase(api, "Closed", "Case");
        assess(organization, first,
                deadline(DeadlineType.RFE_RESPONSE_DUE, today.plusDays(12)),
                deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(45)),
                deadline(DeadlineType.EAD_EXPIRY, today.minusDays(5)));
        assess(organization, second,
                deadline(DeadlineType.ASYLUM_ONE_YEAR, today.minusDays(3)),
                deadline(DeadlineType.TPS_REGISTRATION_ENDS, today.plusDays(2)));
        assess(organization, closed, deadline(DeadlineType.RFE_RESPONSE_DUE, today.plusDays(1)));
        record(api, closed, "closures", "{\"reason\":\"withdrawn\"}");

        Api.Response within = api.get("/api/deadlines?within=P30D");

        assertThat(within.status()).as(within.body()).isEqualTo(200);
        assertThat(within.json().valueStream().map(item -> item.get("caseId").asString() + ":" + item.get("type").asString()
                + "@" + item.get("status").asString()).toList()).containsExactly(
                second + ":ASYLUM_ONE_YEAR@OVERDUE",
                second + ":TPS_REGISTRATION_ENDS@UPCOMING",
                first + ":RFE_RESPONSE_DUE@UPCOMING");
        JsonNode soonest = within.json().get(0);
        assertThat(soonest.get("caseNumber").asString()).startsWith("HVN-");
        assertThat(soonest.get("client").get("familyName").asString()).isEqualTo("Second");
        assertThat(soonest.get("dueOn").asString()).isEqualTo(today.minusDays(3).toString());
        assertThat(types(api.get("/api/deadlines?within=P2M"))).hasSize(4);
        assertThat(types(api(newOrganization("deadlines-other"), Role.CASEWORKER).get("/api/deadlines?within=P1Y"))).isEmpty();
    }

    @Test
    public void anotherOrganizationsCaseDeadlinesAreNotFound() {
        String id = openCase(api(newOrganization("deadlines-a"), Role.INTAKE), "Olena", "Hidden");

        Api.Response response = api(newOrganization("deadlines-b"), Role.CASEWORKER).get("/api/cases/" + id + "/deadlines");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    public void aBadPeriodIsRefusedNamingWithin() {
        Api api = api(newOrganization("deadlines-bad"), Role.CASEWORKER);

        assertBadRequestNaming(api.get("/api/deadlines?within=30"), "within");
        assertBadRequestNaming(api.get("/api/deadlines?within=PT24H"), "within");
        assertBadRequestNaming(api.get("/api/deadlines?within=P-3D"), "within");
        assertBadRequestNaming(api.get("/api/deadlines?within=P30D&limit=0"), "limit");
    }
}
