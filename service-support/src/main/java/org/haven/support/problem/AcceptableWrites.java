package org.haven.support.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A write refuses an {@code Accept} it cannot answer before it runs, not after. Spring MVC negotiates the type of
 * an answer only once the handler has returned, so {@code POST /api/cases/{id}/notes} with {@code Accept: text/html}
 * used to record the note and then answer 406 — a refusal that had changed the case (found by the fuzzer of
 * issue 9). Every answer of Haven's services is JSON ({@code application/json}, {@code application/problem+json});
 * a POST, PUT or PATCH whose {@code Accept} admits neither is refused with 406 before its handler is called.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AcceptableWrites implements WebMvcConfigurer {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RefuseUnacceptableWrites());
    }

    static final class RefuseUnacceptableWrites implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws HttpMediaTypeNotAcceptableException {
            if (!(handler instanceof HandlerMethod) || !WRITES.contains(request.getMethod())) {
                return true;
            }
            List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
            if (accept.isEmpty() || accept.stream().allMatch(String::isBlank)) {
                return true;
            }
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotAcceptableException("Accept cannot be read: " + e.getMessage());
            }
            boolean answerable = accepted.stream()
                    .filter(type -> type.getQualityValue() > 0)
                    .anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
            if (!answerable) {
                throw new HttpMediaTypeNotAcceptableException(ANSWERS);
            }
            return true;
        }
    }
}
