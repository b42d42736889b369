package org.haven.cases.read;

import org.haven.events.vocabulary.Pathway;
import org.haven.support.problem.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case list's parameters; plain Java. */
class CaseListQueryTest {

    @Test
    void aCursorReadsBackAsTheRowItWasMadeFrom() {
        var cursor = new CaseListQuery.Cursor(Instant.parse("2026-01-05T10:00:00.123456Z"), UUID.randomUUID());

        assertThat(CaseListQuery.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void withoutParametersTheFirstFiftyCasesAreAskedFor() {
        assertThat(CaseListQuery.parse(null, null, null, null, null, null))
                .isEqualTo(new CaseListQuery(null, null, null, null, 50, null));
    }

    @Test
    void searchTextIsLowerCasedAndPathwayRead() {
        CaseListQuery query = CaseListQuery.parse("OPEN", "maria", "IOE09", "ASYLUM", "10", null);

        assertThat(query.text()).isEqualTo("ioe09");
        assertThat(query.pathway()).isEqualTo(Pathway.ASYLUM);
        assertThat(query.limit()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {0}")
    @CsvSource(textBlock = """
            status,   open
            status,   PENDING
            pathway,  ASYLUMS
            limit,    0
            limit,    201
            limit,    ten
            cursor,   not-a-cursor
            cursor,   YzE6MTIzOm5vdC1hLXV1aWQ
            q,        '   '
            assignee, '  '
            """)
    void aBadValueIsRefusedNamingItsParameter(String parameter, String value) {
        assertThatThrownBy(() -> CaseListQuery.parse(
                parameter.equals("status") ? value : null,
                parameter.equals("assignee") ? value : null,
                parameter.equals("q") ? value : null,
                parameter.equals("pathway") ? value : null,
                parameter.equals("limit") ? value : null,
                parameter.equals("cursor") ? value : null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(parameter));
    }

    @Test
    void aNulCharacterInATextParameterIsRefusedNotSentToPostgreSql() {
        assertThatThrownBy(() -> CaseListQuery.parse(null, "user:\u0000", null, null, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("assignee"));
        assertThatThrownBy(() -> CaseListQuery.parse(null, null, "ma\u0000ria", null, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
}
