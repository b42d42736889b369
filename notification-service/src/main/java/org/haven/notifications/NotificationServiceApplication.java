package org.haven.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationServiceApplication {

    public static void main(String[] args) {
        allowHostHeaderForPinnedWebhooks();
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /**
     * Webhooks connect to the address the SSRF check approved and name the URL's host in the {@code Host}
     * header, which the JDK HttpClient allows only with this property, read once when its classes load — so
     * it is set before anything else runs. The JVM option {@code -Djdk.httpclient.allowRestrictedHeaders=host}
     * does the same (tests use it).
     */
    static void allowHostHeaderForPinnedWebhooks() {
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders");
        if (allowed == null || allowed.isBlank()) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        } else if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("host")) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed + ",host");
        }
    }
}
