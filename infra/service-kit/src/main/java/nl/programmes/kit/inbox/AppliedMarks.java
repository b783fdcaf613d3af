package nl.programmes.kit.inbox;

import java.util.List;
import java.util.Set;

/**
 * A consumer's dedupe marks: which events it has applied, keyed by CloudEvents id, written in the transaction
 * that applies them. The kit's marks are {@link ProcessedEvents}. A consumer whose read model already keeps
 * one row per event, keyed by its id, can make that row the mark instead (the overview's timeline does), and
 * so write one row less per event.
 */
public interface AppliedMarks {

    /**
     * Marks these events (distinct ids) as applied, at once rather than queued, in the caller's transaction.
     *
     * @return how many were not marked before; fewer than given means some were applied before
     */
    int mark(List<InboundEvent> events);

    /** Which of these events were marked before: one query. Returns a set the caller may add to. */
    Set<String> markedBefore(List<String> eventIds);
}
