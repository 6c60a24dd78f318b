export * from './consultation.entities';
export * from './consultations.dto';
export * from './consultations.service';
export * from './consultation-jobs';
export * from './channels';
export * from './schedule';
export * from './consultations.module';
export * from './queue-dashboard';
