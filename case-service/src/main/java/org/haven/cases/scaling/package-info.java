/**
 * Running case-service as several instances: which instances are alive, and sharing the tracking processors'
 * segments between them (Axon without Axon Server does not balance segments by itself).
 */
@NullMarked
package org.haven.cases.scaling;

import org.jspecify.annotations.NullMarked;
