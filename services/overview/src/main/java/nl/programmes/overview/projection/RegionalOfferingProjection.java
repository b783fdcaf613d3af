package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.kit.persistence.Sql;

/**
 * Existing offerings with their intake, and whether they left the register (or, ended, run on after all). A suppressed intake stays suppressed: no
 * count is stored for it.
 */
@Singleton
public class RegionalOfferingProjection {

    private final Sql sql;

    public RegionalOfferingProjection(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    public void on(DomainEvent event) {
        if (event instanceof OfferingRegistered o) {
            sql.update("""
                    INSERT INTO overview_offering (offering_id, institution_id, programme_name, isat_code, crebo, level, form, location)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE institution_id = VALUES(institution_id), programme_name = VALUES(programme_name),
                        isat_code = VALUES(isat_code), crebo = VALUES(crebo), level = VALUES(level), form = VALUES(form),
                        location = VALUES(location)""", Sql.params(o.offeringId(), o.institutionId(), o.programmeName(),
                    o.isatCode(), o.crebo(), o.level().name(), o.form().name(), o.location()));
        } else if (event instanceof IntakeReported i) {
            sql.update("""
                    INSERT INTO overview_intake (offering_id, study_year, intake_count, suppressed) VALUES (?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE intake_count = VALUES(intake_count), suppressed = VALUES(suppressed)""",
                    Sql.params(i.offeringId(), i.studyYear(), i.count(), i.suppressed()));
        } else if (event instanceof OfferingDiscontinued d) {
            sql.update("""
                    INSERT INTO overview_offering_discontinued (offering_id, reason, last_intake_year) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE reason = VALUES(reason), last_intake_year = VALUES(last_intake_year)""",
                    Sql.params(d.offeringId(), d.reason().name(), d.lastIntakeYear()));
        } else if (event instanceof OfferingResumed r) {
            // Its ending withdrawn, the offering runs on: no row. (Its events share a partition, so this follows the ending.)
            sql.update("DELETE FROM overview_offering_discontinued WHERE offering_id = ?", Sql.params(r.offeringId()));
        }
    }

}
