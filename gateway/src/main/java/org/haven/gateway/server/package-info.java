/** How the gateway's HTTP server (Reactor Netty) is run: workarounds for its known defects. */
@NullMarked
package org.haven.gateway.server;

import org.jspecify.annotations.NullMarked;
