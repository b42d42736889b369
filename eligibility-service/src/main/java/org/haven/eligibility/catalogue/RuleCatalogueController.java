package org.haven.eligibility.catalogue;

import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.support.identity.HavenIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/eligibility/rules}: the catalogue, optionally only the rules in force on {@code asOf}. */
@RestController
class RuleCatalogueController {

    private final RuleSet ruleSet;

    RuleCatalogueController(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    record CatalogueEntry(String id, String title, String citation, LocalDate effectiveFrom,
                          @Nullable LocalDate effectiveUntil, boolean verified, @Nullable String note) {

        static CatalogueEntry of(RuleDescriptor rule) {
            return new CatalogueEntry(rule.id(), rule.title(), rule.citation(), rule.inForce().from(),
                    rule.inForce().until(), rule.verified(), rule.note());
        }
    }

    record Catalogue(String ruleSetVersion, List<CatalogueEntry> rules) {
    }

    @GetMapping("/api/eligibility/rules")
    Catalogue rules(@RequestParam(required = false) @Nullable LocalDate asOf) {
        if (HavenIdentity.current().roles().isEmpty()) {
            throw new AccessDeniedException("No role");
        }
        return new Catalogue(ruleSet.version(), (asOf == null ? ruleSet.rules() : ruleSet.inForceOn(asOf)).stream()
                .map(rule -> CatalogueEntry.of(rule.descriptor())).toList());
    }
}
