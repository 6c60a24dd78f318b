import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { CandidateEntity, CaseAccessService, CasesService, type SelectionEntity } from '@app/cases';
import { Clock, DomainException, invalidField, type AuthUser } from '@app/common';
import { UnitsService } from '@app/identity';
import { evaluate, getRulebook, isInPlay, RULES } from '@app/rulebook';
import type { CheckDto, EvaluationDto, ExtendedInspectionDto, InterviewDto, PersonalMattersDto } from '../dto/records.dto';
import {
  DemocraticEvaluationEntity,
  ExtendedInspectionEntity,
  InspectionCheckEntity,
  InterviewEntity,
  PersonalMattersVerificationEntity,
} from '../entities/inspection-records.entity';
import { WaiverEntity } from '../entities/selection-records.entity';
import { earlierUnitIds } from '../snapshot.mapper';
import { invalidStage, SelectionLocks } from './selection-locks.service';
import { mapCandidate, mapWaiver } from './selections.service';
import { SnapshotService } from './snapshot.service';

type RecordEntity =
  | typeof InterviewEntity
  | typeof InspectionCheckEntity
  | typeof DemocraticEvaluationEntity
  | typeof ExtendedInspectionEntity
  | typeof PersonalMattersVerificationEntity;

const strip = <T extends { selectionId: string; recordedBy: string | null }>({ selectionId: _s, ...rest }: T) => rest;

/**
 * Per-candidate inspection records (七必谈, 六必查, 民主测评, 延伸考察, 个人有关事项): written by
 * org_admin or the inspectors of that selection's team, during the inspection stage.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly locks: SelectionLocks,
    private readonly snapshots: SnapshotService,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  private async write<E extends RecordEntity>(
    user: AuthUser,
    candidateId: string,
    entity: E,
    name: string,
    build: (m: EntityManager, c: CandidateEntity, s: SelectionEntity) => Promise<Partial<InstanceType<E>>> | Partial<InstanceType<E>>,
  ) {
    await this.access.assertRecordWriter(user, candidateId);
    return this.dataSource.transaction(async (m) => {
      const c = await this.cases.candidate(candidateId, m);
      const s = await this.locks.share(m, c.selectionId);
      if (s.stage !== 'inspection') throw invalidStage(s.stage, '录入考察记录', ['inspection']);
      if (!isInPlay(c.state)) throw new DomainException('CANDIDATE_NOT_IN_PLAY', '该人选已不在程序中，不能再录入考察记录', 409, { state: c.state });
      const fields = await build(m, c, s);
      const row = (await m.save(
        m.create(entity, { ...fields, selectionId: s.id, candidateId, recordedBy: user.id, recordedAt: this.clock.now() } as never),
      )) as InstanceType<E>;
      const response = strip(row);
      await this.audit.append(m, { selectionId: s.id, action: `${name}.recorded`, entity: name, entityId: row.id, after: response });
      return response;
    });
  }

  private notFuture(field: string, at: string): Date {
    const d = new Date(at);
    if (d.getTime() > this.clock.now().getTime()) throw invalidField(field, '不能晚于当前时间');
    return d;
  }

  addInterview(user: AuthUser, candidateId: string, dto: InterviewDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    return this.write(user, candidateId, InterviewEntity, 'interview', () => ({
      category: dto.category,
      intervieweeName: dto.intervieweeName,
      intervieweePost: dto.intervieweePost,
      heldAt,
      summary: dto.summary,
    }));
  }

  addCheck(user: AuthUser, candidateId: string, dto: CheckDto) {
    return this.write(user, candidateId, InspectionCheckEntity, 'inspection_check', () => ({ item: dto.item, finding: dto.finding, evidence: dto.evidence }));
  }

  addEvaluation(user: AuthUser, candidateId: string, dto: EvaluationDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    if (dto.excellent + dto.competent + dto.basicallyCompetent + dto.incompetent > dto.participants) {
      throw invalidField('participants', '各档票数之和不能超过参加测评人数');
    }
    return this.write(user, candidateId, DemocraticEvaluationEntity, 'democratic_evaluation', () => ({
      heldAt,
      participants: dto.participants,
      excellent: dto.excellent,
      competent: dto.competent,
      basicallyCompetent: dto.basicallyCompetent,
      incompetent: dto.incompetent,
    }));
  }

  addExtendedInspection(user: AuthUser, candidateId: string, dto: ExtendedInspectionDto) {
    return this.write(user, candidateId, ExtendedInspectionEntity, 'extended_inspection', async (m, c) => {
      const [cadre] = await this.cases.cadres([c.cadreId], m);
      const earlier = earlierUnitIds(cadre, await this.cases.cadrePosts([c.cadreId], m));
      if (!earlier.includes(dto.unitId)) throw invalidField('unitId', '该单位不是该干部此前任职的单位');
      return { unitId: dto.unitId, summary: dto.summary };
    });
  }

  addPersonalMatters(user: AuthUser, candidateId: string, dto: PersonalMattersDto) {
    return this.write(user, candidateId, PersonalMattersVerificationEntity, 'personal_matters_verification', () => ({ finding: dto.finding }));
  }

  /** One candidate with every record and the verdict of every rule on it. */
  async candidate(user: AuthUser, candidateId: string) {
    const { candidate, selection } = await this.access.assertCanViewCandidate(user, candidateId);
    const m = this.dataSource.manager;
    const where = { candidateId };
    const [interviews, checks, evaluations, extended, personal, waivers, loaded] = await Promise.all([
      m.find(InterviewEntity, { where, order: { heldAt: 'ASC' } }),
      m.find(InspectionCheckEntity, { where, order: { recordedAt: 'ASC' } }),
      m.find(DemocraticEvaluationEntity, { where, order: { heldAt: 'ASC' } }),
      m.find(ExtendedInspectionEntity, { where, order: { recordedAt: 'ASC' } }),
      m.find(PersonalMattersVerificationEntity, { where, order: { recordedAt: 'ASC' } }),
      m.find(WaiverEntity, { where, order: { requestedAt: 'ASC' } }),
      this.snapshots.snapshot(m, selection),
    ]);
    const cadre = loaded.loaded.cadres.find((c) => c.id === candidate.cadreId);
    const evaluation = evaluate(loaded.snapshot, getRulebook(selection.rulebookVersion));
    const mine = evaluation.candidates.find((c) => c.candidateId === candidateId);
    const snap = loaded.snapshot.candidates.find((c) => c.id === candidateId);
    // Names of the earlier units: the extended-inspection form offers exactly these, and the
    // readers of this view (inspectors, supervisors) may not list every unit.
    const earlier = snap?.earlierUnitIds ?? [];
    const unitNames = new Map((await this.units.findByIds([...earlier])).map((u) => [u.id, u.name]));
    return {
      ...mapCandidate(candidate, cadre?.name),
      selection: { id: selection.id, title: selection.title, stage: selection.stage },
      cadre: cadre && { id: cadre.id, name: cadre.name, gender: cadre.gender, birthDate: cadre.birthDate, currentPost: cadre.currentPost, unitId: cadre.unitId },
      earlierUnitIds: earlier,
      earlierUnits: earlier.map((id) => ({ id, name: unitNames.get(id) ?? null })),
      interviews: interviews.map(strip),
      checks: checks.map(strip),
      evaluations: evaluations.map(strip),
      extendedInspections: extended.map(strip),
      personalMatters: personal.map(strip),
      consultations: snap?.consultations ?? [],
      waivers: waivers.map(mapWaiver),
      rules: (mine?.rules ?? []).map((r) => ({ rule: r.rule, zh: RULES[r.rule].zh, status: r.status, evidence: r.evidence, ...(r.detail === undefined ? {} : { detail: r.detail }) })),
    };
  }
}
