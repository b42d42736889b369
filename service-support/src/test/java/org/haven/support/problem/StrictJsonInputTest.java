package org.haven.support.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonInputTest {

    record Client(String givenName, List<String> aliases) {
    }

    enum Urgency { ROUTINE, URGENT }

    record Request(Urgency urgency) {
    }

    private final JsonMapper json = strictMapper();

    @Test
    void textPostgreSqlCannotStoreIsRefused() {
        for (String body : List.of(
                "{\"givenName\":\"A\\u0000B\",\"aliases\":[]}",
                "{\"givenName\":\"\\ud800\",\"aliases\":[]}",
                "{\"givenName\":\"x\\udfffy\",\"aliases\":[]}",
                "{\"givenName\":\"ok\",\"aliases\":[\"\\u0000\"]}")) {
            assertThatThrownBy(() -> json.readValue(body, Client.class)).as(body).isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void anyOtherTextIsKept() {
        String name = "Nguyễn 😀 \u202Eevil\u202C e\u0301 Ω \t";
        Client client = json.readValue(json.writeValueAsString(new Client(name, List.of("María"))), Client.class);

        assertThat(client.givenName()).isEqualTo(name);
        assertThat(client.aliases()).containsExactly("María");
    }

    @Test
    void aNumberIsStillNoName() {
        assertThatThrownBy(() -> json.readValue("{\"givenName\":12,\"aliases\":[]}", Client.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void anEnumIsItsExactName() {
        assertThat(json.readValue("{\"urgency\":\"URGENT\"}", Request.class).urgency()).isEqualTo(Urgency.URGENT);
        for (String name : List.of("URGENT\\u0000", " URGENT", "URGENT ", "\\tURGENT", "urgent", "")) {
            String body = "{\"urgency\":\"" + name + "\"}";
            assertThatThrownBy(() -> json.readValue(body, Request.class)).as(body).isInstanceOf(JacksonException.class);
        }
    }

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonInput().strictJsonInput().customize(builder);
        return builder.build();
    }
}
