/** The caseworker UI: static files from {@code classpath:/static/}, public, with a strict content security policy. */
@NullMarked
package org.haven.gateway.ui;

import org.jspecify.annotations.NullMarked;
