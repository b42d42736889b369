package org.haven.notifications.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** The Standard Webhooks specification's published test vector: any of its libraries verifies what we sign. */
    @Test
    void signsTheStandardWebhooksTestVector() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64Of32RandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void anotherBodyOrTimestampGivesAnotherSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "msg_1", 1, "{}");

        assertThat(WebhookSignature.sign(secret, "msg_1", 2, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1, "{ }")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_2", 1, "{}")).isNotEqualTo(signature);
    }

    @Test
    void theWebhookIdIsStablePerEventAndSubscription() {
        java.util.UUID event = java.util.UUID.randomUUID();
        java.util.UUID subscription = java.util.UUID.randomUUID();

        assertThat(WebhookDeliveries.webhookId(event, subscription)).startsWith("msg_")
                .isEqualTo(WebhookDeliveries.webhookId(event, subscription))
                .isNotEqualTo(WebhookDeliveries.webhookId(event, java.util.UUID.randomUUID()))
                .isNotEqualTo(WebhookDeliveries.webhookId(java.util.UUID.randomUUID(), subscription));
    }
}
