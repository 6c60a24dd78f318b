import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CasesService } from '@app/cases';
import { AppConfig, hasRole, notFound, type AuthUser } from '@app/common';
import { UNIT_KIND_LABELS, UnitsService, type UnitKind } from '@app/identity';
import { getRulebook } from '@app/rulebook';
import { ConsultationLetterEntity, ConsultationRequestEntity, REQUEST_STATUS_LABELS, type RequestStatus } from './consultation.entities';
import type { ListLettersQueryDto } from './consultations.dto';
import { LetterDocuments, type LetterDocumentRef } from './letter-documents';

/** What each consulted unit is asked about (printed in its 征求意见函). */
export const LETTER_SUBJECTS: Partial<Record<UnitKind, string>> = {
  discipline_commission: '党风廉政情况及是否存在正在接受纪律审查、监察调查的问题',
  procuratorate: '是否存在涉嫌职务犯罪或正在被立案侦查的问题',
  political_legal_committee: '遵纪守法情况及是否涉及违法犯罪案件的问题',
  audit_bureau: '经济责任审计情况及审计发现的问题',
  health_commission: '遵守计划生育政策法规的情况',
  community: '在居住地的表现及家庭、邻里有关情况',
};

/** The web inbox where a unit's respondent reads and answers its requests. */
export const inboxUrl = (publicBaseUrl: string): string => `${publicBaseUrl.replace(/\/$/, '')}/unit/consultations`;

export interface LetterView {
  id: string;
  selectionId: string;
  selectionTitle: string;
  unitKind: UnitKind;
  unitKindLabel: string;
  unitId: string | null;
  unitName: string | null;
  createdAt: Date;
  candidates: {
    requestId: string;
    candidateId: string;
    name: string;
    status: RequestStatus;
    statusLabel: string;
    requestedOn: string;
    dueOn: string;
  }[];
  /** The letter in force (newest issued version), if any. */
  document: LetterDocumentRef | null;
  /** Every version, newest first. */
  documents: LetterDocumentRef[];
}

/** A letter as the document registry prints it: the unit, the candidates and the deadline. */
export interface LetterContent {
  id: string;
  selectionId: string;
  selectionTitle: string;
  unitKind: UnitKind;
  unitId: string | null;
  unitName: string;
  subject: string;
  /** The rulebook's deadline in working days (the letter prints it next to the date). */
  deadlineWorkingDays: number;
  inboxUrl: string;
  requests: {
    id: string;
    candidateId: string;
    status: RequestStatus;
    requestedOn: string;
    dueOn: string;
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    currentPost: string;
  }[];
}

/** 征求意见函 as letters: the unit's list of its letters, and their content for printing. */
@Injectable()
export class ConsultationLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly units: UnitsService,
    private readonly documents: LetterDocuments,
    private readonly config: AppConfig,
  ) {}

  /** A respondent sees their own unit's letters only; the organization department sees all. */
  async list(user: AuthUser, q: ListLettersQueryDto): Promise<{ items: LetterView[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(ConsultationLetterEntity).createQueryBuilder('l');
    if (!hasRole(user, 'org_admin')) {
      if (!user.unitId) qb.andWhere('1 = 0');
      else qb.andWhere('l.unit_id = :unitId', { unitId: user.unitId });
    }
    if (q.selectionId) qb.andWhere('l.selection_id = :sid', { sid: q.selectionId });
    const [letters, total] = await qb
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    if (letters.length === 0) return { items: [], total, page: q.page, pageSize: q.pageSize };
    const m = this.dataSource.manager;
    const requests = await m.find(ConsultationRequestEntity, {
      where: { letterId: In(letters.map((l) => l.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const candidates = await this.cases.candidatesByIds([...new Set(requests.map((r) => r.candidateId))], m);
    const cadres = await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))], m);
    const nameOf = (candidateId: string) => cadres.find((c) => c.id === candidates.find((x) => x.id === candidateId)?.cadreId)?.name ?? '';
    const titles = new Map<string, string>();
    for (const sid of new Set(letters.map((l) => l.selectionId))) titles.set(sid, (await this.cases.selection(sid, m)).title);
    const units = await this.units.findByIds([...new Set(letters.map((l) => l.unitId).filter((x): x is string => x !== null))]);
    const docs = await this.documents.documents(letters.map((l) => l.id));
    const items = letters.map((l): LetterView => {
      const versions = docs.get(l.id) ?? [];
      return {
        id: l.id,
        selectionId: l.selectionId,
        selectionTitle: titles.get(l.selectionId) ?? '',
        unitKind: l.unitKind,
        unitKindLabel: UNIT_KIND_LABELS[l.unitKind],
        unitId: l.unitId,
        unitName: units.find((u) => u.id === l.unitId)?.name ?? null,
        createdAt: l.createdAt,
        candidates: requests
          .filter((r) => r.letterId === l.id)
          .map((r) => ({
            requestId: r.id,
            candidateId: r.candidateId,
            name: nameOf(r.candidateId),
            status: r.status,
            statusLabel: REQUEST_STATUS_LABELS[r.status],
            requestedOn: r.requestedOn,
            dueOn: r.dueOn,
          })),
        document: versions.find((d) => d.status === 'final') ?? null,
        documents: versions,
      };
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** The letter's unit, for access checks elsewhere (a respondent may read their unit's letters). */
  async unitOf(letterId: string, m: EntityManager = this.dataSource.manager): Promise<string | null> {
    const letter = await m.findOneBy(ConsultationLetterEntity, { id: letterId });
    return letter?.unitId ?? null;
  }

  /** Everything a printed letter shows, read now (the document registry calls this when rendering). */
  async content(letterId: string, m: EntityManager = this.dataSource.manager): Promise<LetterContent> {
    const letter = await m.findOneBy(ConsultationLetterEntity, { id: letterId });
    if (!letter) throw notFound('征求意见函');
    const selection = await this.cases.selection(letter.selectionId, m);
    const unit = letter.unitId ? await this.units.get(letter.unitId) : null;
    const requests = await m.find(ConsultationRequestEntity, { where: { letterId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const candidates = await this.cases.candidatesByIds(
      requests.map((r) => r.candidateId),
      m,
    );
    const cadres = await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))], m);
    return {
      id: letter.id,
      selectionId: letter.selectionId,
      selectionTitle: selection.title,
      unitKind: letter.unitKind,
      unitId: letter.unitId,
      unitName: unit?.name ?? UNIT_KIND_LABELS[letter.unitKind],
      subject: LETTER_SUBJECTS[letter.unitKind] ?? '有关情况',
      deadlineWorkingDays: getRulebook(selection.rulebookVersion).parameters.consultationDeadlineWorkingDays,
      inboxUrl: inboxUrl(this.config.PUBLIC_BASE_URL),
      requests: requests.map((r) => {
        const cadre = cadres.find((c) => c.id === candidates.find((x) => x.id === r.candidateId)?.cadreId);
        return {
          id: r.id,
          candidateId: r.candidateId,
          status: r.status,
          requestedOn: r.requestedOn,
          dueOn: r.dueOn,
          name: cadre?.name ?? '',
          gender: cadre?.gender ?? 'male',
          birthDate: cadre?.birthDate ?? '',
          currentPost: cadre?.currentPost ?? '',
        };
      }),
    };
  }
}
