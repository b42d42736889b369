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

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonInput().strictJsonInput().customize(builder);
        return builder.build();
    }
}
