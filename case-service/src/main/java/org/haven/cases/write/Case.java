package org.haven.cases.write;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.cases.domain.HashChain;
import org.haven.cases.domain.StaleVersion;
import org.haven.cases.domain.adjustment.AdjustmentFiled;
import org.haven.cases.domain.adjustment.FileAdjustment;
import org.haven.cases.domain.asylum.AsylumClockResumed;
import org.haven.cases.domain.asylum.AsylumClockStopped;
import org.haven.cases.domain.asylum.AsylumDenied;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.asylum.AsylumGranted;
import org.haven.cases.domain.asylum.DenyAsylum;
import org.haven.cases.domain.asylum.FileAsylum;
import org.haven.cases.domain.asylum.GrantAsylum;
import org.haven.cases.domain.asylum.ResumeAsylumClock;
import org.haven.cases.domain.asylum.StopAsylumClock;
import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.haven.cases.domain.deadlines.DeadlineReached;
import org.haven.cases.domain.deadlines.DeadlineSchedule;
import org.haven.cases.domain.deadlines.FiringCancellation;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.deadlines.ApplyOrganizationReminderDays;
import org.haven.cases.domain.deadlines.OrganizationReminderDays;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.cases.domain.deadlines.RecordEligibilityAssessment;
import org.haven.cases.domain.deadlines.ScheduledDeadline;
import org.haven.cases.domain.ead.ApproveEad;
import org.haven.cases.domain.ead.DenyEad;
import org.haven.cases.domain.ead.EadApproved;
import org.haven.cases.domain.ead.EadDenied;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.ead.FileEad;
import org.haven.cases.domain.intake.AddNote;
import org.haven.cases.domain.intake.AssignCase;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.ClientDetailsCorrected;
import org.haven.cases.domain.intake.CloseCase;
import org.haven.cases.domain.intake.CorrectClientDetails;
import org.haven.cases.domain.intake.NoteAdded;
import org.haven.cases.domain.intake.OpenCase;
import org.haven.cases.domain.intake.ReopenCase;
import org.haven.cases.domain.parole.DenyParole;
import org.haven.cases.domain.parole.GrantParole;
import org.haven.cases.domain.parole.ParoleDenied;
import org.haven.cases.domain.parole.ParoleGranted;
import org.haven.cases.domain.parole.ParoleRequested;
import org.haven.cases.domain.parole.ParoleTerminated;
import org.haven.cases.domain.parole.RequestParole;
import org.haven.cases.domain.parole.TerminateParole;
import org.haven.cases.domain.presence.DepartureRecorded;
import org.haven.cases.domain.presence.EntryRecorded;
import org.haven.cases.domain.presence.RecordDeparture;
import org.haven.cases.domain.presence.RecordEntry;
import org.haven.cases.domain.refugee.AdmitRefugee;
import org.haven.cases.domain.refugee.RefugeeAdmitted;
import org.haven.cases.domain.rfe.AnswerRfe;
import org.haven.cases.domain.rfe.RecordRfe;
import org.haven.cases.domain.rfe.RfeAnswered;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.cases.domain.tps.ApplyForTps;
import org.haven.cases.domain.tps.GrantTps;
import org.haven.cases.domain.tps.TpsApplied;
import org.haven.cases.domain.tps.TpsGranted;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A client's case: the consistency boundary for every fact recorded about them. Command handlers check the
 * invariants and record events; {@link #evolve} only assigns state. Facts that are legally unwise but true
 * (a premature EAD filing) are recorded — the assessment that follows flags them — while facts that
 * contradict the case's own history (a grant without a request) are refused with the reason.
 * Every event carries the case's hash chain in its metadata ({@link HashChain}).
 */
@Aggregate(snapshotTriggerDefinition = "caseSnapshotTrigger", cache = "caseCache", commandTargetResolver = AxonConfiguration.COMMAND_TARGETS)
// The snapshot's shape: a snapshot of another revision is ignored and the case rebuilt from its events (Axon's
// RevisionSnapshotFilter). 2: the published assessment kept to re-plan reminders from (older snapshots lack it).
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE) // snapshots hold the private state, as JSON
public class Case {

    /** Metadata of a write carrying the client's {@code If-Match} version. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    static final String DEADLINE = "case-deadline";
    static final String DEADLINE_ACTOR = "system:deadlines";
    /** Metadata of {@code EligibilityAssessed}: the schedule id of each firing it left scheduled, by firing key. */
    static final String SCHEDULED_FIRINGS = "scheduledFirings";
    /**
     * Metadata of an {@code EligibilityAssessed} whose reminder days are the organization's: the rules' days they
     * replaced, by deadline type — what eligibility-service published, to re-plan from when the organization's days change.
     */
    static final String RULES_REMINDER_DAYS = "rulesReminderDays";

    @AggregateIdentifier
    private CaseId caseId;
    private String organizationId;
    private LocalDate dateOfBirth;
    private boolean closed;
    private String lastHash = HashChain.GENESIS;

    private boolean paroleRequestPending;
    private @Nullable LocalDate paroleGrantedOn;
    private boolean paroleActive;
    private @Nullable LocalDate eadFiledOn;
    private boolean asylumPending;
    private boolean asylumClockStopped;
    private boolean tpsPending;
    private final Map<UUID, RfeStatus> rfes = new HashMap<>();

    private @Nullable UUID assessmentId;
    private @Nullable Instant assessedAt;
    /** The latest assessment as eligibility-service published it, before the organization's reminder days. */
    private @Nullable Assessment publishedAssessment;
    private Set<String> currentDeadlineKeys = Set.of();
    private final Set<String> firedDeadlineKeys = new HashSet<>();
    /** Firing key → schedule id, as of the latest assessment; forgotten on closing (those fire and are ignored). */
    private Map<String, String> scheduledFirings = Map.of();

    protected Case() {
        // rebuilt by Axon from the case's events
    }

    // Intake

    @CommandHandler
    public Case(OpenCase command) {
        command.factDates().forEach(date -> requireNotBefore(date, command.client().dateOfBirth(), "lastArrivalDate"));
        record(new CaseOpened(command.caseId(), command.organizationId(), command.caseNumber(), command.client(),
                command.lastArrivalDate(), command.unaccompaniedMinor()));
    }

    /**
     * Runs before every command on an existing case: the case belongs to the caller's organization (else it
     * does not exist for them), the client's {@code If-Match} version is current (a version ahead of this copy is
     * retried on the case as stored, see {@link OlderCopyOfCase}), a closed case only reopens,
     * and no fact is dated before the client was born.
     */
    @CommandHandlerInterceptor
    Object guard(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        MetaData metaData = command.getMetaData();
        if (!organizationId.equals(metaData.get(AxonConfiguration.ORGANIZATION))) {
            throw new CaseNotFound(caseId);
        }
        if (metaData.get(EXPECTED_VERSION) instanceof String header) {
            long expected = Long.parseLong(header);
            if (expected < version()) {
                throw new StaleVersion(expected, version());
            }
            if (expected > version()) {
                throw new OlderCopyOfCase(expected, version()); // this cached copy may be behind another instance's writes
            }
        }
        Object payload = command.getPayload();
        if (closed && !(payload instanceof ReopenCase) && !(payload instanceof RecordEligibilityAssessment)
                && !(payload instanceof ApplyOrganizationReminderDays)) {
            throw new CaseRuleViolation("The case is closed; reopen it first");
        }
        if (payload instanceof CaseCommand fact) {
            fact.factDates().forEach(date -> requireNotBefore(date, dateOfBirth, "date"));
        }
        return chain.proceed();
    }

    @CommandHandler
    long handle(CorrectClientDetails command) {
        if (command.lastArrivalDate() != null) {
            requireNotBefore(command.lastArrivalDate(), command.client().dateOfBirth(), "lastArrivalDate");
        }
        return record(new ClientDetailsCorrected(caseId, command.client(), command.lastArrivalDate(), command.unaccompaniedMinor()));
    }

    @CommandHandler
    long handle(AssignCase command) {
        return record(new CaseAssigned(caseId, command.assignee()));
    }

    @CommandHandler
    long handle(AddNote command) {
        return record(new NoteAdded(caseId, command.noteId(), command.text()));
    }

    @CommandHandler
    long handle(CloseCase command) {
        return record(new CaseClosed(caseId, command.reason()));
    }

    @CommandHandler
    long handle(ReopenCase command) {
        require(closed, "The case is open; only a closed case can be reopened");
        return record(new CaseReopened(caseId, command.reason()));
    }

    // Presence

    @CommandHandler
    long handle(RecordEntry command) {
        return record(new EntryRecorded(caseId, command.date(), command.manner()));
    }

    @CommandHandler
    long handle(RecordDeparture command) {
        return record(new DepartureRecorded(caseId, command.date(), command.advanceParole()));
    }

    // Parole

    @CommandHandler
    long handle(RequestParole command) {
        return record(new ParoleRequested(caseId, command.filedOn(), command.kind(), command.basis(), command.urgency(),
                command.feeExemption(), command.receiptNumber()));
    }

    @CommandHandler
    long handle(GrantParole command) {
        require(paroleRequestPending, "A parole grant needs a pending parole request");
        require(command.validUntil().isAfter(command.grantedOn()), "validUntil must be after grantedOn");
        return record(new ParoleGranted(caseId, command.grantedOn(), command.validUntil(), command.program(),
                command.feeExemption(), command.receiptNumber()));
    }

    @CommandHandler
    long handle(DenyParole command) {
        require(paroleRequestPending, "A parole denial needs a pending parole request");
        return record(new ParoleDenied(caseId, command.date()));
    }

    @CommandHandler
    long handle(TerminateParole command) {
        require(paroleActive, "Only a granted parole can be terminated");
        require(!command.date().isBefore(paroleGrantedOn), "A termination cannot precede the grant on " + paroleGrantedOn);
        return record(new ParoleTerminated(caseId, command.date()));
    }

    // Work authorization

    @CommandHandler
    long handle(FileEad command) {
        return record(new EadFiled(caseId, command.category(), command.filedOn(), command.renewal(), command.receiptNumber()));
    }

    @CommandHandler
    long handle(ApproveEad command) {
        require(eadFiledOn != null, "An EAD decision needs a pending EAD application");
        require(command.validUntil().isAfter(command.validFrom()), "validUntil must be after validFrom");
        return record(new EadApproved(caseId, command.validFrom(), command.validUntil()));
    }

    @CommandHandler
    long handle(DenyEad command) {
        require(eadFiledOn != null, "An EAD decision needs a pending EAD application");
        return record(new EadDenied(caseId, command.date()));
    }

    // Asylum

    @CommandHandler
    long handle(FileAsylum command) {
        require(!asylumPending, "An asylum application is already pending");
        return record(new AsylumFiled(caseId, command.filedOn(), command.kind(), command.receiptNumber()));
    }

    @CommandHandler
    long handle(StopAsylumClock command) {
        require(asylumPending, "The asylum clock runs only while an asylum application is pending");
        require(!asylumClockStopped, "The asylum clock is already stopped");
        return record(new AsylumClockStopped(caseId, command.date(), command.reason()));
    }

    @CommandHandler
    long handle(ResumeAsylumClock command) {
        require(asylumPending, "The asylum clock runs only while an asylum application is pending");
        require(asylumClockStopped, "The asylum clock is not stopped");
        return record(new AsylumClockResumed(caseId, command.date()));
    }

    @CommandHandler
    long handle(GrantAsylum command) {
        require(asylumPending, "An asylum decision needs a pending asylum application");
        return record(new AsylumGranted(caseId, command.date()));
    }

    @CommandHandler
    long handle(DenyAsylum command) {
        require(asylumPending, "An asylum decision needs a pending asylum application");
        return record(new AsylumDenied(caseId, command.date()));
    }

    // Refugees, TPS, adjustment

    @CommandHandler
    long handle(AdmitRefugee command) {
        return record(new RefugeeAdmitted(caseId, command.date()));
    }

    @CommandHandler
    long handle(ApplyForTps command) {
        return record(new TpsApplied(caseId, command.country(), command.filedOn(), command.receiptNumber()));
    }

    @CommandHandler
    long handle(GrantTps command) {
        require(tpsPending, "A TPS grant needs a pending TPS application");
        require(command.validUntil().isAfter(command.date()), "validUntil must be after the grant date");
        return record(new TpsGranted(caseId, command.date(), command.validUntil()));
    }

    @CommandHandler
    long handle(FileAdjustment command) {
        return record(new AdjustmentFiled(caseId, command.filedOn(), command.basis(), command.receiptNumber()));
    }

    // Requests for evidence

    @CommandHandler
    long handle(RecordRfe command) {
        require(!command.respondBy().isBefore(command.receivedOn()), "respondBy cannot be before receivedOn");
        return record(new RfeReceived(caseId, command.rfeId(), command.filing(), command.receivedOn(), command.respondBy()));
    }

    @CommandHandler
    long handle(AnswerRfe command) {
        RfeStatus rfe = rfes.get(command.rfeId());
        if (rfe == null) {
            throw new CaseRuleViolation("No request for evidence " + command.rfeId() + " on this case");
        }
        require(!rfe.answered(), "This request for evidence is already answered");
        require(!command.answeredOn().isBefore(rfe.receivedOn()), "answeredOn cannot be before the RFE was received");
        return record(new RfeAnswered(caseId, command.rfeId(), command.answeredOn()));
    }

    // Deadlines

    /**
     * Records a new assessment and replaces the case's deadline schedule with the one it defines: firings it still
     * defines stay scheduled, the others are cancelled, new ones are scheduled. The schedule ids travel in the
     * event's metadata ({@link #SCHEDULED_FIRINGS}), so the case knows them after a reload. A redelivered or older
     * assessment changes nothing. A closed case keeps the assessment but schedules nothing. The reminder days are the
     * organization's where it chose its own ({@link OrganizationReminderDays}); the case records the assessment as it
     * applied it, so its history shows the days in force.
     */
    @CommandHandler
    long handle(RecordEligibilityAssessment command, DeadlineManager deadlines, FiringCancellation cancellation,
                DeadlineCalendar calendar, OrganizationReminderDays reminderDays) {
        if (command.assessmentId().equals(assessmentId)
                || (assessedAt != null && !command.assessedAt().isAfter(assessedAt))) {
            return version();
        }
        return recordAssessment(command.assessmentId(), command.assessedAt(), command.assessment(),
                reminderDays.of(organizationId), deadlines, cancellation, calendar);
    }

    /** Nothing to do without an assessment, for a closed case, or when the days in force schedule the same firings. */
    @CommandHandler
    long handle(ApplyOrganizationReminderDays command, DeadlineManager deadlines, FiringCancellation cancellation,
                DeadlineCalendar calendar, OrganizationReminderDays reminderDays) {
        if (closed || publishedAssessment == null || assessmentId == null || assessedAt == null) {
            return version();
        }
        Map<DeadlineType, List<Integer>> days = reminderDays.of(organizationId);
        if (DeadlineSchedule.keysOf(DeadlineSchedule.withReminderDays(publishedAssessment, days)).equals(currentDeadlineKeys)) {
            return version();
        }
        return recordAssessment(assessmentId, assessedAt, publishedAssessment, days, deadlines, cancellation, calendar);
    }

    private long recordAssessment(UUID id, Instant at, Assessment published, Map<DeadlineType, List<Integer>> organizationDays,
                                  DeadlineManager deadlines, FiringCancellation cancellation, DeadlineCalendar calendar) {
        Assessment assessment = DeadlineSchedule.withReminderDays(published, organizationDays);
        List<ScheduledDeadline> plan = closed ? List.of()
                : DeadlineSchedule.plan(assessment, calendar, firedDeadlineKeys);
        Map<String, String> scheduled = new HashMap<>();
        for (ScheduledDeadline firing : plan) {
            String kept = scheduledFirings.get(firing.key());
            scheduled.put(firing.key(), kept != null ? kept : deadlines.schedule(firing.firesAt(), DEADLINE, firing));
        }
        scheduledFirings.forEach((key, scheduleId) -> {
            if (!scheduled.containsKey(key) && !firedDeadlineKeys.contains(key)) {
                cancellation.cancel(deadlines, DEADLINE, scheduleId);
            }
        });
        MetaData metaData = MetaData.with(SCHEDULED_FIRINGS, scheduled);
        Map<String, List<Integer>> replaced = DeadlineSchedule.reminderDaysReplaced(published, assessment);
        if (!replaced.isEmpty()) {
            metaData = metaData.and(RULES_REMINDER_DAYS, replaced);
        }
        return record(new EligibilityAssessed(caseId, id, at, assessment), metaData);
    }

    /** A firing that a later assessment no longer defines, or that already fired, records nothing. */
    @DeadlineHandler(deadlineName = DEADLINE)
    void deadlineReached(ScheduledDeadline firing) {
        if (closed || firedDeadlineKeys.contains(firing.key()) || !currentDeadlineKeys.contains(firing.key())) {
            return;
        }
        record(DeadlineSchedule.eventFor(caseId, firing), MetaData.with(AxonConfiguration.ACTOR, DEADLINE_ACTOR)
                .and(AxonConfiguration.ORGANIZATION, organizationId));
    }

    // Recording and state

    private long record(Object event) {
        return record(event, MetaData.emptyInstance());
    }

    private long record(Object event, MetaData metaData) {
        Long current = AggregateLifecycle.getVersion();
        long sequence = current == null ? 0 : current + 1;
        String hash = HashChain.next(lastHash, sequence, event);
        AggregateLifecycle.apply(event, metaData.and(HashChain.PREVIOUS_HASH, lastHash).and(HashChain.HASH, hash));
        return sequence;
    }

    private long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    @EventSourcingHandler
    void evolve(Object event, @MetaDataValue(HashChain.HASH) @Nullable String hash,
                @MetaDataValue(SCHEDULED_FIRINGS) @Nullable Map<String, String> firings,
                @MetaDataValue(RULES_REMINDER_DAYS) @Nullable Map<String, List<Integer>> rulesReminderDays) {
        if (hash != null) {
            lastHash = hash;
        }
        switch (event) {
            case CaseOpened e -> {
                caseId = e.caseId();
                organizationId = e.organizationId();
                dateOfBirth = e.client().dateOfBirth();
            }
            case ClientDetailsCorrected e -> dateOfBirth = e.client().dateOfBirth();
            case CaseClosed e -> {
                closed = true;
                scheduledFirings = Map.of();
            }
            case CaseReopened e -> closed = false;
            case ParoleRequested e -> paroleRequestPending = true;
            case ParoleGranted e -> {
                paroleRequestPending = false;
                paroleActive = true;
                paroleGrantedOn = e.grantedOn();
            }
            case ParoleDenied e -> paroleRequestPending = false;
            case ParoleTerminated e -> paroleActive = false;
            case EadFiled e -> eadFiledOn = e.filedOn();
            case EadApproved e -> eadFiledOn = null;
            case EadDenied e -> eadFiledOn = null;
            case AsylumFiled e -> {
                asylumPending = true;
                asylumClockStopped = false;
            }
            case AsylumClockStopped e -> asylumClockStopped = true;
            case AsylumClockResumed e -> asylumClockStopped = false;
            case AsylumGranted e -> asylumPending = false;
            case AsylumDenied e -> asylumPending = false;
            case TpsApplied e -> tpsPending = true;
            case TpsGranted e -> tpsPending = false;
            case RfeReceived e -> rfes.put(e.rfeId(), new RfeStatus(e.receivedOn(), false));
            case RfeAnswered e -> rfes.computeIfPresent(e.rfeId(), (id, rfe) -> new RfeStatus(rfe.receivedOn(), true));
            case EligibilityAssessed e -> {
                assessmentId = e.assessmentId();
                assessedAt = e.assessedAt();
                currentDeadlineKeys = DeadlineSchedule.keysOf(e.assessment());
                publishedAssessment = DeadlineSchedule.withReminderDays(e.assessment(),
                        DeadlineSchedule.reminderDaysByType(rulesReminderDays == null ? Map.of() : rulesReminderDays));
                scheduledFirings = firings == null ? Map.of() : Map.copyOf(firings);
            }
            case DeadlineReached e -> firedDeadlineKeys.add(e.key());
            default -> {
                // events that change no decision of the case's: assignment, notes, entries, departures, …
            }
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new CaseRuleViolation(reason);
        }
    }

    private static void requireNotBefore(LocalDate date, LocalDate dateOfBirth, String field) {
        if (date.isBefore(dateOfBirth)) {
            throw new CaseRuleViolation(field + " " + date + " is before the client's date of birth " + dateOfBirth);
        }
    }

    private record RfeStatus(LocalDate receivedOn, boolean answered) {
    }
}
