package nl.programmes.announcements.offering;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.announcements.domain.Discontinuation;
import nl.programmes.announcements.domain.IntakeFigure;
import nl.programmes.announcements.domain.IntakeTable;
import nl.programmes.announcements.domain.Offering;
import nl.programmes.announcements.persistence.OfferingRepository;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The register of existing offerings. Registering a known offering or reporting a figure that is
 * already recorded changes nothing and publishes nothing, which makes imports repeatable.
 */
@Singleton
public class OfferingService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OfferingService.class);

    private final OfferingRepository offerings;
    private final Outbox outbox;
    private final Clock clock;

    public OfferingService(OfferingRepository offerings, Outbox outbox, Clock clock) {
        this.offerings = offerings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The offering and whether this call created it. */
    public record Registration(Offering offering, boolean created) {
    }

    @Transactional
    public Registration register(Offering requested, Caller caller) {
        caller.requireActsFor(requested.institutionId(), "register offerings");
        Optional<Offering> existing = offerings.findByNaturalKey(requested.naturalKey());
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        offerings.insert(requested, clock.instant());
        outbox.append(new OfferingRegistered(requested.id().toString(), requested.institutionId(),
                requested.programmeName(), requested.isatCode(), requested.crebo(), requested.level(), requested.form(),
                requested.location(), caller.actor()));
        return new Registration(requested, true);
    }

    /** Records the intake; returns false when the same figure was already recorded. */
    @Transactional
    public boolean reportIntake(UUID offeringId, int studyYear, IntakeFigure figure, Caller caller) {
        Offering offering = offerings.findByIdForUpdate(offeringId).orElseThrow(() -> new NotFoundException("Offering", offeringId));
        caller.requireActsFor(offering.institutionId(), "report intake");
        requireStudyYear(studyYear);
        offering.requireTakesIntake(studyYear);
        if (offerings.intake(offeringId, studyYear).filter(figure::equals).isPresent()) {
            return false;
        }
        record(offeringId, studyYear, figure, clock.instant(), caller);
        return true;
    }

    private void requireStudyYear(int studyYear) {
        int thisYear = Year.now(clock).getValue();
        if (studyYear < 1990 || studyYear > thisYear + 1) {
            throw new InvalidCommandException("studyYear", "must be between 1990 and " + (thisYear + 1));
        }
    }

    private void record(UUID offeringId, int studyYear, IntakeFigure figure, Instant now, Caller caller) {
        offerings.saveIntake(offeringId, studyYear, figure, now);
        outbox.append(new IntakeReported(offeringId.toString(), studyYear, figure.count(), figure.suppressed(),
                caller.actor()));
    }

    /** What importing one row did. */
    public record RowResult(Offering offering, boolean created, int figuresReported) {
    }

    /**
     * Registers a row's offering and reports its figures, all or nothing. The figures already recorded are read once
     * (none for an offering just registered), not twice per figure as {@link #reportIntake} does: a row of six years
     * took 26 statements, and a table of 2,000 rows 8.8 s, close to the gateway's and the portal's time for an answer.
     */
    @Transactional
    public RowResult importRow(IntakeTable.Row row, Caller caller) {
        Registration registration = register(row.offering(), caller);
        UUID id = registration.offering().id();
        Map<Integer, IntakeFigure> recorded = registration.created() ? Map.of() : offerings.intakesForUpdate(id);
        Instant now = clock.instant();
        int reported = 0;
        for (var figure : row.intake().entrySet()) {
            requireStudyYear(figure.getKey());
            registration.offering().requireTakesIntake(figure.getKey());
            if (!figure.getValue().equals(recorded.get(figure.getKey()))) {
                record(id, figure.getKey(), figure.getValue(), now, caller);
                reported++;
            }
        }
        return new RowResult(registration.offering(), registration.created(), reported);
    }

    /**
     * What {@link #importRow} would do, without doing it: the row is imported in a transaction that is then rolled back,
     * so the answer follows every rule an import follows (who may, which years, what is already recorded), and nothing
     * is written or published. An offering it would register gets an id that is not kept.
     */
    @Transactional
    public RowResult previewRow(IntakeTable.Row row, Caller caller) {
        throw new Previewed(importRow(row, caller));
    }

    /** Carries a previewed row's result out of its transaction, which it rolls back on the way. */
    public static final class Previewed extends RuntimeException {
        private final transient RowResult result;

        Previewed(RowResult result) {
            super(null, null, false, false);
            this.result = result;
        }

        public RowResult result() {
            return result;
        }
    }

    /**
     * Takes an offering out of the register, as ended or as registered in error, or corrects how it was taken out (a
     * wrong last intake year; an ended offering that never existed). Asking again for what is already recorded changes
     * nothing and publishes nothing; an offering taken out as registered in error stays so.
     */
    @Transactional
    public Offering discontinue(UUID id, OfferingDiscontinued.Reason reason, Integer lastIntakeYear, Caller caller) {
        Offering offering = offerings.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("Offering", id));
        caller.requireActsFor(offering.institutionId(), "discontinue offerings");
        Discontinuation asked = Discontinuation.of(reason, lastIntakeYear, Year.now(clock).getValue(), offerings.intakesForUpdate(id));
        Discontinuation recorded = offering.discontinued();
        if (asked.equals(recorded)) {
            return offering;
        }
        if (recorded != null) {
            recorded.requireCorrectable();
        }
        offerings.discontinue(id, asked, clock.instant());
        outbox.append(new OfferingDiscontinued(id.toString(), asked.reason(), asked.lastIntakeYear(), caller.actor()));
        LOG.info("{} {} offering {} ({}, {}, {}): {}", caller.actor().organisationId(), recorded == null ? "discontinued"
                : "corrected the discontinuation (" + recorded + ") of", id, offering.programmeName(), offering.form(), offering.location(), asked);
        return offering.discontinued(asked);
    }

    /**
     * An ended offering runs on after all (its ending was a mistake, or the institution keeps the programme): the ending
     * is withdrawn, and the offering takes figures for every year again. One that runs already changes nothing and
     * publishes nothing; one taken out as registered in error stays so.
     */
    @Transactional
    public Offering resume(UUID id, Caller caller) {
        Offering offering = offerings.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("Offering", id));
        caller.requireActsFor(offering.institutionId(), "resume offerings");
        Discontinuation recorded = offering.discontinued();
        if (recorded == null) {
            return offering;
        }
        recorded.requireCorrectable();
        offerings.resume(id);
        outbox.append(new OfferingResumed(id.toString(), caller.actor()));
        LOG.info("{} withdrew the ending ({}) of offering {} ({}, {}, {})", caller.actor().organisationId(), recorded, id,
                offering.programmeName(), offering.form(), offering.location());
        return offering.discontinued(null);
    }

    @Transactional
    public Offering get(UUID id) {
        return offerings.findById(id).orElseThrow(() -> new NotFoundException("Offering", id));
    }

    @Transactional
    public java.util.Map<Integer, IntakeFigure> intakes(UUID id) {
        return offerings.intakes(id);
    }
}
