package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/** What one attempt came to. */
public sealed interface Outcome {

    String detail();

    /** The receiver took it (a 2xx, an SMTP server that accepted the message). */
    record Delivered(String detail) implements Outcome {
    }

    /** Worth another try later: 5xx, 429, a timeout, a refused connection. */
    record Retry(String detail, @Nullable Duration retryAfter) implements Outcome {
        public Retry(String detail) {
            this(detail, null);
        }
    }

    /** No retry will help: a 4xx, a refused address, a subscription that no longer exists. */
    record Failed(String detail) implements Outcome {
    }
}
