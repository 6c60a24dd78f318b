import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EvidenceProvider, EvidencePart, SelectionEntity } from '@app/cases';

/** The evidence of `supervision.remarks_answered`: every remark of the selection and whether it has its answer. */
@Injectable()
export class SupervisionEvidence implements EvidenceProvider {
  async evidence(m: EntityManager, selection: SelectionEntity): Promise<EvidencePart> {
    const rows = await m.query<{ id: string; candidate_id: string | null; answered: boolean }[]>(
      `SELECT r.id, r.candidate_id, (a.remark_id IS NOT NULL) AS answered
         FROM supervision_remark r LEFT JOIN supervision_remark_answer a ON a.remark_id = r.id
        WHERE r.selection_id = $1
        ORDER BY r.filed_at, r.id`,
      [selection.id],
    );
    return {
      supervisionRemarks: rows.map((r) => ({ id: r.id, ...(r.candidate_id ? { candidateId: r.candidate_id } : {}), answered: r.answered })),
    };
  }
}
