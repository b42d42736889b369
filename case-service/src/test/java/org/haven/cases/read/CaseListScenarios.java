package org.haven.cases.read;

import org.haven.cases.Api;
import org.haven.cases.ReadSideIntegrationTest;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/cases}: filters, cursor pagination and organization isolation; run by {@code ReadAndAuditIntegrationTest}. */
public abstract class CaseListScenarios extends ReadSideIntegrationTest {

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    @Test
    public void casesComeNewestFirstAndEveryPageContinuesWhereTheLastEnded() {
        String organization = newOrganization("list-pages");
        Api api = api(organization, Role.CASEWORKER);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(openCase(api, "Client" + i, "Paged"));
        }

        Api.Response first = api.get("/api/cases?limit=2");
        String cursor = first.json().get("nextCursor").asString();
        Api.Response second = api.get("/api/cases?limit=2&cursor=" + cursor);
        Api.Response third = api.get("/api/cases?limit=2&cursor=" + second.json().get("nextCursor").asString());

        assertThat(ids(first)).containsExactly(opened.get(4), opened.get(3));
        assertThat(ids(second)).containsExactly(opened.get(2), opened.get(1));
        assertThat(ids(third)).containsExactly(opened.get(0));
        assertThat(third.json().get("nextCursor").isNull()).isTrue();
        assertThat(ids(api.get("/api/cases"))).containsExactlyElementsOf(opened.reversed());
    }

    /** The projection keeps the views it wrote in memory and reads a row again only when its version moved. */
    @Test
    public void aRememberedViewIsUsedOnlyWhileTheRowHasItsVersion() {
        String organization = newOrganization("list-remembered");
        Api api = api(organization, Role.CASEWORKER);
        String id = openCase(api, "Olena", "Remembered");
        long version = record(api, id, "assignments", "{\"assignee\":\"maria.garcia\"}");
        await(() -> api.get("/api/cases/" + id).json().get("version").asLong() == version, "the assignment in the view");

        // The row's JSON changed behind the projection's back, its version did not: the next event folds the view
        // this instance remembers, and the change is gone.
        jdbc.update("update case_summary set view = jsonb_set(view::jsonb, '{client,givenName}', '\"Unseen\"')::json where case_id = ?::uuid", id);
        long assigned = record(api, id, "assignments", "{\"assignee\":\"ana.lopez\"}");
        await(() -> api.get("/api/cases/" + id).json().get("version").asLong() == assigned, "the second assignment in the view");
        assertThat(api.get("/api/cases/" + id).json().get("client").get("givenName").asString()).isEqualTo("Olena");

        // As if another instance had written the row (another version): the next event folds the row as stored.
        jdbc.update("update case_summary set view = jsonb_set(view::jsonb, '{client,givenName}', '\"Elsewhere\"')::json, version = version - 1"
                + " where case_id = ?::uuid", id);
        long reassigned = record(api, id, "assignments", "{\"assignee\":\"maria.garcia\"}");
        await(() -> api.get("/api/cases/" + id).json().get("version").asLong() == reassigned, "the third assignment in the view");
        JsonNode view = api.get("/api/cases/" + id).json();
        assertThat(view.get("client").get("givenName").asString()).isEqualTo("Elsewhere");
        assertThat(view.get("assignee").asString()).isEqualTo("maria.garcia");
    }

    @Test
    public void statusAndAssigneeFilterTheList() {
        String organization = newOrganization("list-filters");
        Api api = api(organization, Role.CASEWORKER);
        String assigned = openCase(api, "Olena", "Assigned");
        String closed = openCase(api, "Mariia", "Closed");
        String plain = openCase(api, "Iryna", "Plain");
        record(api, assigned, "assignments", "{\"assignee\":\"maria.garcia\"}");
        record(api, closed, "closures", "{\"reason\":\"moved away\"}");

        assertThat(ids(api.get("/api/cases?status=OPEN"))).containsExactly(plain, assigned);
        assertThat(ids(api.get("/api/cases?status=CLOSED"))).containsExactly(closed);
        assertThat(ids(api.get("/api/cases?assignee=maria.garcia"))).containsExactly(assigned);
        assertThat(ids(api.get("/api/cases?assignee=maria.garcia&status=CLOSED"))).isEmpty();
    }

    @Test
    public void qFindsCasesByNameCaseNumberOrReceiptNumberWhateverTheCase() {
        String organization = newOrganization("list-search");
        Api api = api(organization, Role.CASEWORKER);
        String kovalenko = openCase(api, "Olena", "Kovalenko");
        String shevchenko = openCase(api, "Taras", "Shevchenko");
        record(api, shevchenko, "parole-requests", """
                {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT","receiptNumber":"IOE0912345678"}""");
        String caseNumber = api.get("/api/cases/" + kovalenko).json().get("caseNumber").asString();

        assertThat(ids(api.get("/api/cases?q=kOVAL"))).containsExactly(kovalenko);
        assertThat(ids(api.get("/api/cases?q=olena%20kovalenko"))).containsExactly(kovalenko);
        assertThat(ids(api.get("/api/cases?q=" + caseNumber.toLowerCase()))).containsExactly(kovalenko);
        assertThat(ids(api.get("/api/cases?q=ioe091234"))).containsExactly(shevchenko);
        assertThat(ids(api.get("/api/cases?q=%25"))).isEmpty();
        JsonNode item = api.get("/api/cases?q=IOE0912345678").json().get("items").get(0);
        assertThat(item.get("receiptNumbers").get(0).asString()).isEqualTo("IOE0912345678");
        assertThat(item.get("pathways").get(0).asString()).isEqualTo("PAROLE");
        assertThat(item.get("client").get("familyName").asString()).isEqualTo("Shevchenko");
    }

    @Test
    public void pathwayFiltersByWhatTheCaseHasPursued() {
        String organization = newOrganization("list-pathways");
        Api api = api(organization, Role.CASEWORKER);
        String asylum = openCase(api, "Ahmad", "Asylum");
        String ead = openCase(api, "Eva", "Ead");
        openCase(api, "Nobody", "Yet");
        record(api, asylum, "asylum-applications", "{\"filedOn\":\"2025-06-01\"}");
        record(api, ead, "ead-applications", "{\"category\":\"c11\",\"filedOn\":\"2025-06-01\",\"renewal\":false}");

        assertThat(ids(api.get("/api/cases?pathway=ASYLUM"))).containsExactly(asylum);
        assertThat(ids(api.get("/api/cases?pathway=EAD"))).containsExactly(ead);
        assertThat(ids(api.get("/api/cases?pathway=TPS"))).isEmpty();
    }

    @Test
    public void anOrganizationListsOnlyItsOwnCases() {
        String organizationA = newOrganization("list-a");
        String organizationB = newOrganization("list-b");
        String ofA = openCase(api(organizationA, Role.INTAKE), "Olena", "Isolated");
        String ofB = openCase(api(organizationB, Role.INTAKE), "Olena", "Isolated");

        assertThat(ids(api(organizationA, Role.CASEWORKER).get("/api/cases?q=isolated"))).containsExactly(ofA);
        assertThat(ids(api(organizationB, Role.AUDITOR).get("/api/cases?q=isolated"))).containsExactly(ofB);
        assertThat(api(organizationB, Role.CASEWORKER).get("/api/cases/" + ofA).status()).isEqualTo(404);
    }

    @Test
    public void badFilterValuesAreRefusedNamingTheParameter() {
        Api api = api(newOrganization("list-bad"), Role.CASEWORKER);

        assertBadRequestNaming(api.get("/api/cases?status=open"), "status");
        assertBadRequestNaming(api.get("/api/cases?pathway=SANCTUARY"), "pathway");
        assertBadRequestNaming(api.get("/api/cases?limit=500"), "limit");
        assertBadRequestNaming(api.get("/api/cases?limit=many"), "limit");
        assertBadRequestNaming(api.get("/api/cases?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertBadRequestNaming(api.get("/api/cases?q=" + "x".repeat(201)), "q");
    }

    @Test
    public void theDetailShowsEachPathwaysStatusAndKeepsItsVersionAsETag() {
        String organization = newOrganization("detail");
        Api api = api(organization, Role.CASEWORKER);
        String id = openCase(api, "Olena", "Detail");
        record(api, id, "parole-requests", """
                {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}""");
        record(api, id, "parole-grants", "{\"grantedOn\":\"2025-10-01\",\"validUntil\":\"2027-09-30\",\"program\":\"U4U\"}");
        record(api, id, "asylum-applications", "{\"filedOn\":\"2025-11-01\"}");
        long version = record(api, id, "asylum-clock-stops", "{\"date\":\"2025-12-01\",\"reason\":\"APPLICANT_RESCHEDULED\"}");

        Api.Response read = api.get("/api/cases/" + id);
        JsonNode view = read.json();

        assertThat(read.etag()).isEqualTo("\"" + version + "\"");
        assertThat(view.get("version").asLong()).isEqualTo(version);
        assertThat(view.get("parole").get("status").asString()).isEqualTo("GRANTED");
        assertThat(view.get("parole").get("validUntil").asString()).isEqualTo("2027-09-30");
        assertThat(view.get("asylum").get("filedOn").asString()).isEqualTo("2025-11-01");
        assertThat(view.get("asylum").get("pending").asBoolean()).isTrue();
        assertThat(view.get("asylum").get("clockStopped").asBoolean()).isTrue();
        assertThat(view.get("ead").isNull()).isTrue();
        assertThat(view.get("pathways").valueStream().map(JsonNode::asString)).containsExactly("PAROLE", "ASYLUM");
    }
}
