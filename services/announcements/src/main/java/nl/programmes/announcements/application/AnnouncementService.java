package nl.programmes.announcements.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.announcements.domain.AmendAnnouncement;
import nl.programmes.announcements.domain.AnnounceProgramme;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.announcements.domain.ReviewOutcome;
import nl.programmes.announcements.domain.SubmittedApplication;
import nl.programmes.announcements.persistence.AnnouncementRepository;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.kit.persistence.PersistenceException;
import nl.programmes.events.DomainEvent;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.problem.StaleVersionException;
import nl.programmes.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs announcement commands. Each one reads the announcement under a row lock, lets the domain
 * decide, and writes the new state, its history entry and its outbox row in one transaction.
 */
@Singleton
public class AnnouncementService {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementService.class);

    private final AnnouncementRepository announcements;
    private final Outbox outbox;
    private final Clock clock;

    public AnnouncementService(AnnouncementRepository announcements, Outbox outbox, Clock clock) {
        this.announcements = announcements;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Announcement announce(AnnounceProgramme command, Caller caller) {
        caller.requireActsFor(command.institutionId(), "announce programmes");
        Announcement.Decision<?> result = Announcement.announce(TimeOrderedIds.next(), command, caller.actor(),
                YearMonth.now(clock));
        Announcement announcement = result.announcement();
        Instant now = clock.instant();
        try {
            // The unique key on (institution, reference) tells a taken reference; a query first would cost every
            // command a round trip to the database.
            announcements.insert(announcement, now);
        } catch (PersistenceException e) {
            if (e.isDuplicateKey()) {
                throw duplicateReference(announcement);
            }
            throw e;
        }
        publish(result.event(), announcement.version(), now);
        LOG.info("{} announced {} ({}) as {}", caller.organisationId(), announcement.reference(),
                announcement.programme().name(), announcement.id());
        return announcement;
    }

    @Transactional
    public Announcement amend(UUID id, AmendAnnouncement command, int expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, "amend", current -> current.amend(command, caller.actor()));
    }

    @Transactional
    public Announcement withdraw(UUID id, String reason, Integer expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, "withdraw", current -> current.withdraw(reason, caller.actor()));
    }

    @Transactional
    public Announcement submitApplication(UUID id, SubmittedApplication application, Integer expectedVersion,
                                         Caller caller) {
        return change(id, expectedVersion, caller, "submit the application of",
                current -> current.submitApplication(application, caller.actor(), LocalDate.now(clock)));
    }

    @Transactional
    public Announcement recordReviewOutcome(UUID id, ReviewOutcome outcome, Integer expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, "record the review outcome of",
                current -> current.recordReviewOutcome(outcome, caller.actor(), LocalDate.now(clock)));
    }

    @Transactional(readOnly = true)
    public Announcement get(UUID id) {
        return announcements.findById(id).orElseThrow(() -> new NotFoundException("Announcement", id));
    }

    @Transactional(readOnly = true)
    public AnnouncementRepository.Page list(AnnouncementRepository.Filter filter, int page, int size) {
        return announcements.list(filter, page, size);
    }

    @Transactional(readOnly = true)
    public List<AnnouncementRepository.HistoryEntry> history(UUID id) {
        get(id);
        return announcements.history(id);
    }

    private Announcement change(UUID id, Integer expectedVersion, Caller caller, String what,
                                Function<Announcement, Announcement.Decision<?>> command) {
        Announcement current = announcements.findForUpdate(id).orElseThrow(() -> new NotFoundException("Announcement", id));
        caller.requireActsFor(current.institutionId(), what + " announcements");
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Announcement " + current.reference() + " is at version " + current.version()
                    + ", not " + expectedVersion + ": someone changed it first. Read it again and retry.");
        }
        Announcement.Decision<?> decision = command.apply(current);
        if (!decision.changed()) {
            return current;
        }
        Instant now = clock.instant();
        announcements.update(decision.announcement(), current.version(), now);
        publish(decision.event(), decision.announcement().version(), now);
        LOG.info("{} {} {} ({} → version {})", caller.organisationId(), what, current.reference(), id,
                decision.announcement().version());
        return decision.announcement();
    }

    private void publish(DomainEvent event, int version, Instant now) {
        announcements.recordHistory(event, version, now);
        outbox.append(event);
    }

    private static InvalidCommandException duplicateReference(Announcement announcement) {
        return new InvalidCommandException("reference", "is already used by " + announcement.institutionId()
                + " for another announcement (" + announcement.reference() + ")");
    }
}
