-- From V4 the timeline line is the overview's dedupe mark (TimelineProjection): every event the overview applies
-- gets exactly one line, written first in the transaction that applies it, so processed_event is no longer
-- written here. Its rows stay as they are. Every event applied before V4 has its line as well (V3, which added
-- the timeline, came a commit after V1 on the platform's first day, before any deployment).
-- projected_at: when the overview applied the event (processed_event.processed_at until now), for the status
-- page's last processed event and the benchmark's command-to-visible latency.
ALTER TABLE timeline_entry ADD COLUMN projected_at DATETIME(6) NULL;

UPDATE timeline_entry t LEFT JOIN processed_event p ON p.event_id = t.event_id
    SET t.projected_at = COALESCE(p.processed_at, t.recorded_at);

ALTER TABLE timeline_entry MODIFY projected_at DATETIME(6) NOT NULL, ADD KEY timeline_projected (projected_at);
