import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { EvidencePart, EvidenceProvider, SelectionEntity } from '@app/cases';
import type { NoticeSnapshot, ReportSnapshot } from '@app/rulebook';
import { toSnapshotStatus } from './notice-policy';
import { NoticeCandidateEntity, NoticeEntity } from './notice.entity';
import { ReportEntity } from './report.entity';

/**
 * This module's part of a selection's rule snapshot: every notice (recorded = published; the
 * rulebook treats one as public from `startsOn`) and every report of the selection, whatever its
 * channel. The rulebook judges periods, reports per notice and candidate, and report findings.
 */
@Injectable()
export class NoticesEvidence implements EvidenceProvider {
  async evidence(manager: EntityManager, selection: SelectionEntity): Promise<EvidencePart> {
    const notices = await manager.find(NoticeEntity, { where: { selectionId: selection.id }, order: { startsOn: 'ASC', createdAt: 'ASC' } });
    const named = notices.length
      ? await manager.find(NoticeCandidateEntity, { where: { noticeId: In(notices.map((n) => n.id)) }, order: { position: 'ASC' } })
      : [];
    const reports = await manager.find(ReportEntity, { where: { selectionId: selection.id }, order: { receivedAt: 'ASC' } });
    return {
      notices: notices.map(
        (n): NoticeSnapshot => ({
          id: n.id,
          kind: n.kind,
          candidateIds: named.filter((c) => c.noticeId === n.id).map((c) => c.candidateId),
          startsOn: n.startsOn,
          endsOn: n.endsOn,
          published: true,
          ...(n.inspectionStartsOn ? { inspectionStartsOn: n.inspectionStartsOn } : {}),
        }),
      ),
      reports: reports.map(
        (r): ReportSnapshot => ({
          id: r.id,
          candidateId: r.candidateId,
          ...(r.noticeId ? { noticeId: r.noticeId } : {}),
          status: toSnapshotStatus(r.status),
          ...(r.finding ? { finding: r.finding } : {}),
          ...(r.findingAt ? { findingAt: r.findingAt } : {}),
        }),
      ),
    };
  }
}
