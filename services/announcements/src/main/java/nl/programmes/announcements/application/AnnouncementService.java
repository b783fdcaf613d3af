package nl.programmes.announcements.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.announcements.domain.AnnounceProgramme;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.announcements.persistence.AnnouncementRepository;
import nl.programmes.events.Actor;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Runs announcement commands: the state change and its outbox row commit together or not at all.
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
    public Announcement announce(AnnounceProgramme command, Actor actor) {
        Announcement.Announced result = Announcement.announce(UUID.randomUUID(), command, actor, YearMonth.now(clock));
        if (announcements.referenceTaken(command.institutionId(), result.announcement().reference())) {
            throw duplicateReference(result.announcement());
        }
        try {
            announcements.insert(result.announcement(), clock.instant());
        } catch (AnnouncementRepository.PersistenceException e) {
            if (e.isDuplicateKey()) {
                throw duplicateReference(result.announcement());
            }
            throw e;
        }
        outbox.append(result.event());
        LOG.info("{} announced {} ({}) as {}", actor.organisationId(), result.announcement().reference(),
                result.announcement().programme().name(), result.announcement().id());
        return result.announcement();
    }

    @Transactional(readOnly = true)
    public Announcement get(UUID id) {
        return announcements.findById(id).orElseThrow(() -> new NotFoundException("Announcement", id));
    }

    private static InvalidCommandException duplicateReference(Announcement announcement) {
        return new InvalidCommandException("reference", "is already used by " + announcement.institutionId()
                + " for another announcement (" + announcement.reference() + ")");
    }
}
