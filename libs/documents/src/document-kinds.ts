import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { advanceNoticeDefinition } from './definitions/advance-notice.definition';
import { appointmentNoticeDefinition } from './definitions/appointment-notice.definition';
import { consultationLetterDefinition } from './definitions/consultation-letter.definition';
import { documentaryRecordDefinition } from './definitions/documentary-record.definition';
import { dossierDefinition } from './definitions/dossier.definition';
import { inspectionNoticeDefinition } from './definitions/inspection-notice.definition';
import { performanceNoticeDefinition } from './definitions/performance-notice.definition';
import { preAppointmentNoticeDefinition } from './definitions/pre-appointment-notice.definition';
import { voteResultDefinition } from './definitions/vote-result.definition';
import type {
  AdvanceNoticeData,
  AppointmentNoticeData,
  ConsultationLetterData,
  DocumentaryRecordData,
  DossierData,
  InspectionNoticeData,
  PerformanceNoticeData,
  PreAppointmentNoticeData,
  VoteResultData,
} from './types';

/** Every document the system issues; string values so they can be stored and queued. */
export const DOCUMENT_KINDS = [
  'advance_notice',
  'inspection_notice',
  'performance_notice',
  'pre_appointment_notice',
  'consultation_letter',
  'dossier',
  'vote_result',
  'appointment_notice',
  'documentary_record',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentDataByKind {
  advance_notice: AdvanceNoticeData;
  inspection_notice: InspectionNoticeData;
  performance_notice: PerformanceNoticeData;
  pre_appointment_notice: PreAppointmentNoticeData;
  consultation_letter: ConsultationLetterData;
  dossier: DossierData;
  vote_result: VoteResultData;
  appointment_notice: AppointmentNoticeData;
  documentary_record: DocumentaryRecordData;
}

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { zh: string; en: string }> = {
  advance_notice: { zh: '考察预告', en: 'Advance notice of inspection' },
  inspection_notice: { zh: '考察公示', en: 'Inspection (targets) notice' },
  performance_notice: { zh: '政绩公示', en: 'Performance notice' },
  pre_appointment_notice: { zh: '任前公示', en: 'Pre-appointment notice' },
  consultation_letter: { zh: '征求意见函', en: 'Consultation letter' },
  dossier: { zh: '考察材料', en: 'Inspection dossier' },
  vote_result: { zh: '票决结果', en: 'Vote result' },
  appointment_notice: { zh: '任免通知', en: 'Appointment notice' },
  documentary_record: { zh: '纪实表', en: 'Documentary record' },
};

const BUILDERS: { [K in DocumentKind]: (data: DocumentDataByKind[K]) => TDocumentDefinitions } = {
  advance_notice: advanceNoticeDefinition,
  inspection_notice: inspectionNoticeDefinition,
  performance_notice: performanceNoticeDefinition,
  pre_appointment_notice: preAppointmentNoticeDefinition,
  consultation_letter: consultationLetterDefinition,
  dossier: dossierDefinition,
  vote_result: voteResultDefinition,
  appointment_notice: appointmentNoticeDefinition,
  documentary_record: documentaryRecordDefinition,
};

/** Dispatch by kind, for callers that hold `{ kind, data }` (a render job's payload). */
export function buildDefinition<K extends DocumentKind>(kind: K, data: DocumentDataByKind[K]): TDocumentDefinitions {
  return BUILDERS[kind](data);
}
