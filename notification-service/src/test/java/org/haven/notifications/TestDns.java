package org.haven.notifications;

import org.haven.notifications.webhooks.HostResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS server tests can script, in front of the system's: names under {@code .test} answer what a test said
 * (one answer after the other, the last one repeating) — enough to play DNS rebinding.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDns {

    private static final Map<String, Deque<List<InetAddress>>> ANSWERS = new ConcurrentHashMap<>();

    /** {@code host} resolves to each of {@code answers} in turn, then to the last one for good. */
    public static void answer(String host, String... answers) {
        Deque<List<InetAddress>> queue = new ArrayDeque<>();
        for (String answer : answers) {
            try {
                queue.add(List.of(InetAddress.getByName(answer)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(answer, e);
            }
        }
        ANSWERS.put(host, queue);
    }

    public static HostResolver resolver() {
        return host -> {
            Deque<List<InetAddress>> queue = ANSWERS.get(host);
            if (queue != null) {
                synchronized (queue) {
                    return queue.size() > 1 ? queue.poll() : queue.peek();
                }
            }
            if (host.endsWith(".test")) {
                throw new UnknownHostException(host);
            }
            return HostResolver.SYSTEM.resolve(host);
        };
    }

    @Bean
    @Primary
    HostResolver scriptedResolver() {
        return resolver();
    }
}
