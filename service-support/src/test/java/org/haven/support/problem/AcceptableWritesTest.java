package org.haven.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptableWritesTest {

    private final AcceptableWrites.RefuseUnacceptableWrites check = new AcceptableWrites.RefuseUnacceptableWrites();
    private static final HandlerMethod handler = handler();

    @Test
    void aWriteThatAcceptsNoJsonIsRefusedBeforeItsHandlerRuns() {
        for (String accept : new String[] {"text/html", "application/xml", "image/png, text/plain", "application/json;q=0",
                "not a media type"}) {
            assertThatThrownBy(() -> check.preHandle(request("POST", accept), new MockHttpServletResponse(), handler))
                    .as(accept).isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        }
        assertThatThrownBy(() -> check.preHandle(request("PUT", "text/html"), new MockHttpServletResponse(), handler))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    @Test
    void aWriteThatAcceptsJsonOrAnythingGoesOn() throws Exception {
        for (String accept : new String[] {null, "", "application/json", "application/problem+json", "*/*",
                "application/*", "text/html, application/json;q=0.5", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            assertThat(check.preHandle(request("POST", accept), new MockHttpServletResponse(), handler)).as(accept).isTrue();
        }
    }

    @Test
    void readsAndDeletesAreLeftToSpringsOwnNegotiation() throws Exception {
        assertThat(check.preHandle(request("GET", "text/html"), new MockHttpServletResponse(), handler)).isTrue();
        assertThat(check.preHandle(request("DELETE", "text/html"), new MockHttpServletResponse(), handler)).isTrue();
    }

    private static MockHttpServletRequest request(String method, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/cases/1/notes");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    /** Stands for a controller method. */
    static final class Notes {
        String add() {
            return "{}";
        }
    }

    private static HandlerMethod handler() {
        try {
            return new HandlerMethod(new Notes(), Notes.class.getDeclaredMethod("add"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
