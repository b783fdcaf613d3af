package nl.programmes.portal.identity.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.problem.StaleVersionException;
import nl.programmes.kit.security.Caller;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.organisation.OrganisationUpdated;
import nl.programmes.portal.identity.domain.Organisation;
import nl.programmes.portal.identity.persistence.IdentityRepository;

import java.time.Clock;
import java.util.List;

/** The organisation directory: registering or changing an entry publishes it on {@code organisations}. */
@Singleton
public class DirectoryService {

    private final IdentityRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public DirectoryService(IdentityRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Organisation register(Organisation organisation, Caller caller) {
        if (repository.organisation(organisation.id()).isPresent()) {
            throw new InvalidCommandException("id", "is already registered");
        }
        repository.insert(organisation, clock.instant());
        outbox.append(new OrganisationRegistered(organisation.id(), organisation.name(), organisation.kind(),
                organisation.brin(), organisation.kvk(), organisation.locations(), organisation.region(), caller.actor()));
        return organisation;
    }

    @Transactional
    public Organisation update(Organisation changed, int expectedVersion, Caller caller) {
        Organisation current = get(changed.id());
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("Organisation " + current.id() + " is at version " + current.version()
                    + ", not " + expectedVersion);
        }
        Organisation next = new Organisation(current.id(), changed.name(), changed.kind(), changed.brin(),
                changed.kvk(), changed.locations(), changed.region(), current.version() + 1);
        if (next.equals(new Organisation(current.id(), current.name(), current.kind(), current.brin(), current.kvk(),
                current.locations(), current.region(), current.version() + 1))) {
            return current;
        }
        repository.update(next, expectedVersion, clock.instant());
        outbox.append(new OrganisationUpdated(next.id(), next.version(), next.name(), next.kind(), next.brin(),
                next.kvk(), next.locations(), next.region(), caller.actor()));
        return next;
    }

    @Transactional
    public Organisation get(String id) {
        return repository.organisation(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    @Transactional
    public List<Organisation> all() {
        return repository.organisations();
    }
}
