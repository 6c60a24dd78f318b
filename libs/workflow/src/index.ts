export * from './workflow.module';
export { SnapshotService } from './services/snapshot.service';
export { GatesService } from './services/gates.service';
export { toSnapshot, mergeCandidatePart, earlierUnitIds, type LoadedSelection } from './snapshot.mapper';
export { idNumberProblem, idNumberCheckChar, normalizeIdNumber } from './id-number';
