import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesService } from '@app/cases';
import { AppConfig, type AuthUser } from '@app/common';
import type { CandidateSummary, DocumentDataByKind, DocumentKind, Gender, IssueMeta } from '@app/documents';
import { UsersService } from '@app/identity';
import { NoticesService, type NoticeView } from '@app/notices';
import type { NoticeKind } from '@app/rulebook';

export type NoticeDocumentKind = 'advance_notice' | 'inspection_notice' | 'performance_notice' | 'pre_appointment_notice';

export const NOTICE_DOCUMENT_KINDS: Record<NoticeKind, NoticeDocumentKind> = {
  advance: 'advance_notice',
  inspection: 'inspection_notice',
  performance: 'performance_notice',
  pre_appointment: 'pre_appointment_notice',
};

export function isNoticeDocumentKind(kind: DocumentKind): kind is NoticeDocumentKind {
  return (Object.values(NOTICE_DOCUMENT_KINDS) as DocumentKind[]).includes(kind);
}

/** The worker reads notices as the organization department, which may see every selection. */
const SYSTEM_READER: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  roles: ['org_admin'],
  unitId: null,
};

function gender(label: string): Gender {
  return label === 'female' || label === '女' ? 'female' : 'male';
}

/** Builds the printed notice (考察预告, 公示) from the notice as the notices module records it. */
@Injectable()
export class NoticeDocuments {
  constructor(
    private readonly notices: NoticesService,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  view(noticeId: string): Promise<NoticeView> {
    return this.notices.get(SYSTEM_READER, noticeId);
  }

  async data(m: EntityManager, kind: NoticeDocumentKind, noticeId: string, meta: IssueMeta): Promise<DocumentDataByKind[NoticeDocumentKind]> {
    const notice = await this.view(noticeId);
    const selection = await this.cases.selection(notice.selectionId, m);
    const reporting = this.notices.reporting(noticeId);
    const candidates: CandidateSummary[] = notice.candidates.map((c) => ({
      name: c.name,
      gender: gender(c.gender),
      birthDate: c.birthDate,
      currentPost: c.currentPost,
      ...(c.proposedPost ? { proposedPost: c.proposedPost } : {}),
    }));
    const base = {
      meta,
      selectionTitle: selection.title,
      period: { start: notice.startsOn, end: notice.endsOn, workingDays: notice.workingDays, provisional: notice.provisional },
      reporting: { publicUrl: reporting.url, phone: reporting.phone, address: reporting.address, receivingOffice: this.config.NOTICE_ISSUER },
    };
    switch (kind) {
      case 'advance_notice': {
        const team = await this.users.findByIds(await this.cases.teamMemberIds(selection.id, m));
        return { ...base, candidates, task: notice.title, teamMembers: team.map((u) => ({ name: u.displayName, title: '考察组成员' })) };
      }
      case 'performance_notice':
        return { ...base, candidates: candidates.map((c) => ({ ...c, achievements: [] })) };
      case 'pre_appointment_notice':
        return { ...base, candidates: candidates.map((c) => ({ ...c, proposedPost: c.proposedPost ?? '—' })) };
      case 'inspection_notice':
        return { ...base, candidates };
    }
  }
}
