package org.haven.cases.write;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.consistency.ReadYourWrites;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.OpenCase;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.Set;

@RestController
class CaseCommandController {

    private final CommandGateway commands;
    private final CaseNumbers caseNumbers;
    private final ReadYourWrites readYourWrites;

    CaseCommandController(CommandGateway commands, CaseNumbers caseNumbers, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.caseNumbers = caseNumbers;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/api/cases")
    ResponseEntity<WriteResult> open(@Valid @RequestBody OpenCaseRequest request) {
        HavenIdentity identity = CaseRoles.require(Set.of(Role.INTAKE, Role.CASEWORKER));
        CaseId caseId = CaseId.newId();
        var client = request.client();
        OpenCase command = new OpenCase(caseId, identity.organizationId(), caseNumbers.next(),
                new Client(client.givenName().strip(), client.familyName().strip(), client.dateOfBirth(),
                        client.countryOfNationality(), client.preferredLanguage()),
                request.lastArrivalDate(), Boolean.TRUE.equals(request.unaccompaniedMinor()));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(identity)));
        long version = 0;
        readYourWrites.awaitProjected(caseId.value(), version);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .eTag(Long.toString(version))
                .body(new WriteResult(caseId.value(), version));
    }

    static MetaData metaData(HavenIdentity identity) {
        return MetaData.from(Map.of(
                AxonConfiguration.ACTOR, identity.subject(),
                AxonConfiguration.ORGANIZATION, identity.organizationId()));
    }
}
