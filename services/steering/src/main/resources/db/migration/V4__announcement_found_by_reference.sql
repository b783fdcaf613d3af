-- A meeting's agenda may name an announcement by its reference (A24-056), as minutes do; the service records its id.
ALTER TABLE announcement_replica
    ADD KEY announcement_replica_reference (reference);
