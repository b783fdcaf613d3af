package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.ReviewOutcomeRecorded.Advice;
import nl.programmes.events.announcement.ReviewOutcomeRecorded.MinisterDecision;

import java.time.LocalDate;

/** The national review's advice and the minister's decision. */
public record ReviewOutcome(Advice advice, LocalDate adviceDate, MinisterDecision decision, LocalDate decisionDate) {
}
