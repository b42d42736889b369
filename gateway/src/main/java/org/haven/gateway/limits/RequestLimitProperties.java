package org.haven.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body the gateway forwards; larger ones are answered 413 */
@ConfigurationProperties("haven.gateway.limits")
public record RequestLimitProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
