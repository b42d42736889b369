/** The identity token the gateway signs for the services (internal-contracts.md), and the filter that relays it in place of any identity header the caller sent. */
@NullMarked
package org.haven.gateway.identity;

import org.jspecify.annotations.NullMarked;
