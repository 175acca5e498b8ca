/** Progress storage and roll-ups, by concern: figures and row types, locks, snapshots, deltas, views, bulk loads. */
export { COUNT_FIELDS, ZERO, sumCountsOf, type Counts, type CountField, type Source, type Tx } from "./counts";
export { LOCK_KEYS, LOCK_ROLLUPS, lockRollups, lockUnitsStatements, lockAllUnits } from "./locks";
export { recordSnapshots, type SnapshotInput, type RecordOptions, type RecordedSnapshot, type RecordAround } from "./snapshots";
export { type DeltaGroup } from "./deltas";
export { rollupsAt, rollupSeries, viewFigures, latestSnapshots, latestSnapshotsJoin, latestReportDate, type RollupRow, type ViewFigures } from "./views";
export { naiveRollupAt, rebuildRollups, bulkInsertSnapshots, type BulkSnapshot } from "./bulk";
