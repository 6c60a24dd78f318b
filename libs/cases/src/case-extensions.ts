import { Injectable } from '@nestjs/common';
import { readAll } from '@app/database';
import type { EntityManager } from 'typeorm';
import type { CandidateSnapshot, SelectionSnapshot, Stage } from '@app/rulebook';
import type { CandidateEntity } from './candidate.entity';
import type { SelectionEntity } from './selection.entity';

/** What a feature module adds to a selection's rule snapshot (its records as evidence). */
export interface EvidencePart {
  notices?: SelectionSnapshot['notices'];
  reports?: SelectionSnapshot['reports'];
  supervisionRemarks?: SelectionSnapshot['supervisionRemarks'];
  /** Per candidate id: the fields this feature owns (e.g. `consultations`, `dossier`). */
  candidates?: Record<string, Partial<Omit<CandidateSnapshot, 'id' | 'state'>>>;
}

export interface EvidenceProvider {
  /** Reads this feature's evidence for one selection, with the given manager (inside or outside a transaction). */
  evidence(manager: EntityManager, selection: SelectionEntity, candidates: CandidateEntity[]): Promise<EvidencePart>;
}

export interface CaseListener {
  /** Runs inside the transaction that moved the selection: effects commit or roll back with it. */
  onStageEntered?(manager: EntityManager, selection: SelectionEntity, stage: Stage): Promise<void>;
  /** A candidate joined an open selection (e.g. nominated while inspection is under way). */
  onCandidateAdded?(manager: EntityManager, selection: SelectionEntity, candidate: CandidateEntity): Promise<void>;
}

/**
 * Feature modules (consultations, notices, supervision, documents) register here at start-up, so
 * the workflow can gather every rule's evidence and tell features about stage changes without
 * importing them: the module graph stays one-way (features → cases ← workflow).
 */
@Injectable()
export class CaseExtensions {
  private readonly providers: EvidenceProvider[] = [];
  private readonly listeners: CaseListener[] = [];

  registerEvidence(provider: EvidenceProvider): void {
    this.providers.push(provider);
  }

  registerListener(listener: CaseListener): void {
    this.listeners.push(listener);
  }

  async collectEvidence(manager: EntityManager, selection: SelectionEntity, candidates: CandidateEntity[]): Promise<EvidencePart[]> {
    return readAll(
      manager,
      this.providers.map((p) => () => p.evidence(manager, selection, candidates)),
    );
  }

  async stageEntered(manager: EntityManager, selection: SelectionEntity, stage: Stage): Promise<void> {
    for (const l of this.listeners) await l.onStageEntered?.(manager, selection, stage);
  }

  async candidateAdded(manager: EntityManager, selection: SelectionEntity, candidate: CandidateEntity): Promise<void> {
    for (const l of this.listeners) await l.onCandidateAdded?.(manager, selection, candidate);
  }
}
