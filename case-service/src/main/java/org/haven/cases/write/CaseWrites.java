package org.haven.cases.write;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.consistency.ReadYourWrites;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.intake.OpenCase;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.haven.support.problem.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Set;

/**
 * The one path every write takes: role check, {@code If-Match} and {@code Idempotency-Key}, the command with
 * its actor and organization, and an answer only once the read model shows the write (read-your-writes).
 */
@Component
class CaseWrites {

    /** INTAKE opens cases and records facts; decisions, assignment and closing are CASEWORKER work. */
    private static final Set<Class<?>> INTAKE_MAY_RECORD = Set.of(
            OpenCase.class,
            org.haven.cases.domain.intake.CorrectClientDetails.class,
            org.haven.cases.domain.intake.AddNote.class,
            org.haven.cases.domain.presence.RecordEntry.class,
            org.haven.cases.domain.presence.RecordDeparture.class,
            org.haven.cases.domain.parole.RequestParole.class,
            org.haven.cases.domain.ead.FileEad.class,
            org.haven.cases.domain.asylum.FileAsylum.class,
            org.haven.cases.domain.tps.ApplyForTps.class,
            org.haven.cases.domain.adjustment.FileAdjustment.class,
            org.haven.cases.domain.rfe.RecordRfe.class,
            org.haven.cases.domain.rfe.AnswerRfe.class);

    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;
    private final IdempotentRequests idempotentRequests;

    CaseWrites(CommandGateway commands, ReadYourWrites readYourWrites, IdempotentRequests idempotentRequests) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.idempotentRequests = idempotentRequests;
    }

    ResponseEntity<WriteResult> open(OpenCase command, HttpHeaders headers) {
        HavenIdentity identity = authorize(command);
        IdempotentRequests.Answer answer = idempotentRequests.once(identity, headers, () -> {
            send(command, identity, null);
            readYourWrites.awaitProjected(command.caseId().value(), 0);
            return new IdempotentRequests.Answer(HttpStatus.CREATED, new WriteResult(command.caseId().value(), 0));
        });
        return ResponseEntity.status(answer.status())
                .location(URI.create("/api/cases/" + answer.result().id()))
                .eTag(Long.toString(answer.result().version()))
                .body(answer.result());
    }

    ResponseEntity<WriteResult> record(CaseCommand command, HttpHeaders headers) {
        HavenIdentity identity = authorize(command);
        String expectedVersion = expectedVersion(headers);
        IdempotentRequests.Answer answer = idempotentRequests.once(identity, headers, () -> {
            long version = send(command, identity, expectedVersion);
            readYourWrites.awaitProjected(command.caseId().value(), version);
            return new IdempotentRequests.Answer(HttpStatus.OK, new WriteResult(command.caseId().value(), version));
        });
        return ResponseEntity.status(answer.status())
                .eTag(Long.toString(answer.result().version()))
                .body(answer.result());
    }

    private long send(CaseCommand command, HavenIdentity identity, @Nullable String expectedVersion) {
        MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, identity.subject())
                .and(AxonConfiguration.ORGANIZATION, identity.organizationId());
        if (expectedVersion != null) {
            metaData = metaData.and(Case.EXPECTED_VERSION, expectedVersion);
        }
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        return result instanceof Long version ? version : 0L;
    }

    private static HavenIdentity authorize(CaseCommand command) {
        HavenIdentity identity = HavenIdentity.current();
        boolean allowed = identity.has(Role.CASEWORKER)
                || (identity.has(Role.INTAKE) && INTAKE_MAY_RECORD.contains(command.getClass()));
        if (!allowed) {
            throw new AccessDeniedException("Role may not record " + command.getClass().getSimpleName());
        }
        return identity;
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}, or a bare 3) → "3"; absent → no check. */
    private static @Nullable String expectedVersion(HttpHeaders headers) {
        String ifMatch = headers.getFirst(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String version = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!version.matches("\\d{1,18}")) {
            throw new InvalidFieldException("If-Match", "must be the case's version, e.g. \"3\"");
        }
        return version;
    }
}
