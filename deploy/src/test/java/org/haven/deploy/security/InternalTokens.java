package org.haven.deploy.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Identity tokens as docs/internal-contracts.md describes them (HS256, kid, iss, aud, sub, org, roles, iat,
 * exp), minted here without any Haven code: the local stack's secret is published, so this is what an
 * attacker who read the docs can make too.
 */
public final class InternalTokens {

    static final String LOCAL_SECRET = "local-dev-identity-secret-not-for-production-0001";

    private InternalTokens() {
    }

    public static String valid(String org, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        return sign(LOCAL_SECRET, "local-1", "HS256", claims(org, roles, now, now + 60));
    }

    static String expired(String org, List<String> roles) {
        long then = Instant.now().minusSeconds(600).getEpochSecond();
        return sign(LOCAL_SECRET, "local-1", "HS256", claims(org, roles, then, then + 60));
    }

    static String wronglySigned(String org, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        return sign("an-attackers-own-secret-of-at-least-32-bytes", "local-1", "HS256", claims(org, roles, now, now + 60));
    }

    static String unsigned(String org, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        return b64("{\"alg\":\"none\",\"kid\":\"local-1\"}") + "." + b64(claims(org, roles, now, now + 60)) + ".";
    }

    private static String claims(String org, List<String> roles, long issuedAt, long expiresAt) {
        String roleArray = roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",", "[", "]"));
        return ("{\"iss\":\"haven-gateway\",\"aud\":[\"haven-services\"],\"sub\":\"user:attacker\",\"org\":\"%s\","
                + "\"roles\":%s,\"iat\":%d,\"exp\":%d}").formatted(org, roleArray, issuedAt, expiresAt);
    }

    private static String sign(String secret, String kid, String alg, String claims) {
        String signingInput = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
