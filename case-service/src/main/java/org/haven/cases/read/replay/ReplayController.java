package org.haven.cases.read.replay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.haven.support.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /api/audit/replays} rebuilds a projection (ADMIN only) and answers 202 with the job;
 * {@code GET /api/audit/replays/{id}} follows it (ADMIN, AUDITOR). A job is visible to the organization whose
 * ADMIN started it; the projection it rebuilds serves every organization.
 */
@RestController
class ReplayController {

    private final ProjectionReplays replays;

    ReplayController(ProjectionReplays replays) {
        this.replays = replays;
    }

    record ReplayRequest(@NotBlank String projection) {
    }

    @PostMapping("/api/audit/replays")
    ResponseEntity<ReplayJob> start(@Valid @RequestBody ReplayRequest request) {
        HavenIdentity identity = HavenIdentity.current();
        if (!identity.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an ADMIN rebuilds projections");
        }
        ReplayJob job = replays.start(identity, request.projection());
        return ResponseEntity.accepted().location(URI.create("/api/audit/replays/" + job.id())).body(job);
    }

    @GetMapping("/api/audit/replays/{id}")
    ReplayJob get(@PathVariable UUID id) {
        HavenIdentity identity = HavenIdentity.current();
        if (!(identity.has(Role.ADMIN) || identity.has(Role.AUDITOR))) {
            throw new AccessDeniedException("Only an ADMIN or AUDITOR follows rebuilds");
        }
        return replays.find(identity.organizationId(), id).orElseThrow(() -> new NotFoundException("No replay " + id));
    }
}
