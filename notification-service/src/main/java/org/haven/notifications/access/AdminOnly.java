package org.haven.notifications.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Webhook subscriptions, their dead letters and the organization's notification preferences are for
 * administrators. Checked before the request body is read, so that a caller without the role learns
 * nothing from validation errors: 403 problem+json, whatever the body.
 */
@Configuration(proxyBeanMethods = false)
class AdminOnly implements WebMvcConfigurer {

    static final String[] PATHS = {"/api/webhooks", "/api/webhooks/**", "/api/notification-preferences"};

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!HavenIdentity.current().has(Role.ADMIN)) {
                    throw new AccessDeniedException("ADMIN only");
                }
                return true;
            }
        }).addPathPatterns(PATHS);
    }
}
