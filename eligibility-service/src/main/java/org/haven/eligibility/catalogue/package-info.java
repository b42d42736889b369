/**
 * The rule set: every rule of rules.md wired together under one version, and the catalogue that lists them
 * ({@code GET /api/eligibility/rules}).
 */
@NullMarked
package org.haven.eligibility.catalogue;

import org.jspecify.annotations.NullMarked;
