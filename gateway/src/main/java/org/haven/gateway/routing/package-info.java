/** Where each public path goes; the routes themselves are in application.yml. */
@NullMarked
package org.haven.gateway.routing;

import org.jspecify.annotations.NullMarked;
