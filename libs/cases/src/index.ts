export * from './cadre.entity';
export * from './selection.entity';
export * from './candidate.entity';
export * from './case-access.service';
export * from './candidate-state.service';
export * from './cases.service';
export * from './cases.module';
export * from './case-extensions';
