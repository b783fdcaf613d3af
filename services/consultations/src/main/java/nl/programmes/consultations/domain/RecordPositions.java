package nl.programmes.consultations.domain;

import nl.programmes.events.consultation.LocationPosition;

import java.time.LocalDate;
import java.util.List;

/** A consulted organisation's positions, as recorded after a meeting. */
public record RecordPositions(LocalDate meetingDate, String summary, String agreements, List<LocationPosition> positions) {
}
