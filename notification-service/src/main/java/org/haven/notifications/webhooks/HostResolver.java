package org.haven.notifications.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** DNS, as the webhook address checks see it; a seam so that tests can play a rebinding DNS server. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
