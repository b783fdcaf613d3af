-- The timeline's institution and province filters read the offerings registered in error once per state of the regional
-- data (OverviewReads.takenOutInError); ended offerings, the many, are passed over along this index.
CREATE INDEX offering_discontinued_reason ON overview_offering_discontinued (reason);
