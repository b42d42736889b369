package org.haven.gateway.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize the largest request body the gateway forwards; larger ones are answered 413
 * @param rate        requests per caller (one API key, one user), over which the gateway answers 429
 * @param logins      sign-in attempts across all usernames: password hashing is deliberately slow, so a flood
 *                    of sign-ins would otherwise take every core
 */
@Validated
@ConfigurationProperties("haven.gateway.limits")
public record RequestLimitProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue @Valid Rate rate,
        @DefaultValue @Valid Rate logins) {

    /** Sustained {@code requestsPerSecond}, with up to {@code burst} at once after a quiet spell. */
    public record Rate(@DefaultValue("50") @Positive double requestsPerSecond, @DefaultValue("100") @Min(1) int burst) {
    }
}
