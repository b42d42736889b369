package org.haven.cases.scaling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param heartbeat  how often an instance records that it is alive and looks at its share of the segments
 * @param liveWithin an instance not seen for this long no longer counts. Shorter than Axon's token claim timeout
 *                   (10 s): a crashed instance has stopped counting by the time its segments can be claimed, so
 *                   the instance that claims them keeps them
 * @param releaseFor how long a released segment is left for another instance to claim before this one may take
 *                   it back; longer than Axon's token claim interval (5 s), so an idle thread elsewhere gets it
 */
@ConfigurationProperties("haven.scaling")
public record ScalingProperties(
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("7s") Duration liveWithin,
        @DefaultValue("15s") Duration releaseFor) {
}
