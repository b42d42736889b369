package org.haven.eligibility;

import org.haven.eligibility.assessment.Assessor;
import org.haven.eligibility.catalogue.RuleSet;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.history.Person;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.haven.events.Assessment;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AdjustmentFiled;
import org.haven.events.CaseEventPayload.AsylumClockResumed;
import org.haven.events.CaseEventPayload.AsylumClockStopped;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.CaseEventPayload.ParoleTerminated;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.CaseEventPayload.RfeAnswered;
import org.haven.events.CaseEventPayload.RfeReceived;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Histories written the way rules.md states its facts, and the production rule set to assess them with. */
public final class Histories {

    /** The production rule set over the production TPS file, as the service builds it. */
    public static final Assessor ASSESSOR = new Assessor(RuleSet.standard(productionTpsDesignations()));

    private LocalDate dateOfBirth = LocalDate.parse("1990-05-01");
    private String country = "UA";
    private boolean unaccompaniedMinor;
    private @Nullable LocalDate lastArrivalDate;
    private final List<CaseEventPayload> events = new ArrayList<>();

    public static Histories history() {
        return new Histories();
    }

    public static TpsDesignations productionTpsDesignations() {
        try (InputStream file = Histories.class.getResourceAsStream("/tps-designations.yml")) {
            return TpsDesignations.load("classpath:tps-designations.yml", file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    public Histories bornOn(String date) {
        this.dateOfBirth = date(date);
        return this;
    }

    public Histories nationalOf(String country) {
        this.country = country;
        return this;
    }

    public Histories unaccompaniedMinor() {
        this.unaccompaniedMinor = true;
        return this;
    }

    public Histories openedWithArrival(String date) {
        this.lastArrivalDate = date(date);
        return this;
    }

    public Histories with(CaseEventPayload event) {
        events.add(event);
        return this;
    }

    public Histories entered(String date, EntryManner manner) {
        return with(new EntryRecorded(date(date), manner));
    }

    public Histories departed(String date, boolean advanceParole) {
        return with(new DepartureRecorded(date(date), advanceParole));
    }

    public Histories paroleRequested(String filedOn, ParoleKind kind, @Nullable FeeExemption exemption) {
        return with(new ParoleRequested(date(filedOn), kind, ParoleBasis.URGENT_HUMANITARIAN, ParoleUrgency.ROUTINE, exemption, null));
    }

    public Histories paroleGranted(String grantedOn, String validUntil) {
        return paroleGranted(grantedOn, validUntil, null, null);
    }

    public Histories paroleGranted(String grantedOn, String validUntil, @Nullable String program, @Nullable FeeExemption exemption) {
        return with(new ParoleGranted(date(grantedOn), date(validUntil), program, exemption, null));
    }

    public Histories paroleTerminated(String date) {
        return with(new ParoleTerminated(date(date)));
    }

    public Histories asylumFiled(String filedOn) {
        return with(new AsylumFiled(date(filedOn), AsylumKind.AFFIRMATIVE, null));
    }

    public Histories clockStopped(String date) {
        return with(new AsylumClockStopped(date(date), ClockStopReason.APPLICANT_RESCHEDULED));
    }

    public Histories clockResumed(String date) {
        return with(new AsylumClockResumed(date(date)));
    }

    public Histories asylumGranted(String date) {
        return with(new AsylumGranted(date(date)));
    }

    public Histories asylumDenied(String date) {
        return with(new AsylumDenied(date(date)));
    }

    public Histories eadFiled(EadCategory category, String filedOn, boolean renewal) {
        return with(new EadFiled(category, date(filedOn), renewal, null));
    }

    public Histories eadApproved(String validFrom, String validUntil) {
        return with(new EadApproved(date(validFrom), date(validUntil)));
    }

    public Histories refugeeAdmitted(String date) {
        return with(new RefugeeAdmitted(date(date)));
    }

    public Histories tpsApplied(String country, String filedOn) {
        return with(new TpsApplied(country, date(filedOn), null));
    }

    public Histories tpsGranted(String date, String validUntil) {
        return with(new TpsGranted(date(date), date(validUntil)));
    }

    public Histories adjustmentFiled(String filedOn, AdjustmentBasis basis) {
        return with(new AdjustmentFiled(date(filedOn), basis, null));
    }

    public Histories rfeReceived(UUID rfeId, String receivedOn, String respondBy) {
        return with(new RfeReceived(rfeId, Filing.ASYLUM, date(receivedOn), date(respondBy)));
    }

    public Histories rfeAnswered(UUID rfeId, String answeredOn) {
        return with(new RfeAnswered(rfeId, date(answeredOn)));
    }

    public CaseHistory build() {
        return new CaseHistory(new Person(dateOfBirth, country, unaccompaniedMinor, lastArrivalDate), events);
    }

    public Assessment assessedAsOf(String asOf) {
        return ASSESSOR.assess(build(), date(asOf));
    }

    // Reading an assessment

    public static List<LocalDate> deadlines(Assessment assessment, DeadlineType type) {
        return assessment.deadlines().stream().filter(deadline -> deadline.type() == type).map(Assessment.Deadline::dueOn).toList();
    }

    public static Optional<Assessment.Deadline> deadline(Assessment assessment, DeadlineType type) {
        return assessment.deadlines().stream().filter(deadline -> deadline.type() == type).findFirst();
    }

    public static List<LocalDate> reminderDates(Assessment.Deadline deadline) {
        return deadline.remindDaysBefore().stream().map(days -> deadline.dueOn().minusDays(days)).toList();
    }

    public static Optional<EligibilityResult> result(Assessment assessment, Pathway pathway) {
        return assessment.pathways().stream().filter(result -> result.pathway() == pathway)
                .map(Assessment.PathwayResult::result).findFirst();
    }

    public static List<String> reasonsOf(Assessment assessment, Pathway pathway, String ruleId) {
        return assessment.pathways().stream().filter(result -> result.pathway() == pathway)
                .flatMap(result -> result.reasons().stream())
                .filter(reason -> reason.ruleId().equals(ruleId))
                .map(Assessment.Reason::message).toList();
    }

    public static List<String> warningsOf(Assessment assessment, String ruleId) {
        return assessment.warnings().stream().filter(warning -> warning.ruleId().equals(ruleId))
                .map(Assessment.Warning::message).toList();
    }
}
