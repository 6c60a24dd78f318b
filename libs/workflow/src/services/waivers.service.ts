import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { CandidateEntity } from '@app/cases';
import { Clock, DomainException, invalidField, notFound, unprocessable, type AuthUser } from '@app/common';
import { getRulebook, isRuleId, OPEN_STAGES, RULES } from '@app/rulebook';
import type { WaiverDto } from '../dto/selection.dto';
import { WaiverEntity } from '../entities/selection-records.entity';
import { SelectionLocks } from './selection-locks.service';
import { mapWaiver } from './selections.service';

/** Waivers of `W` rules: one org_admin asks with a reason, a different one approves; both audited. */
@Injectable()
export class WaiversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly locks: SelectionLocks,
    private readonly clock: Clock,
  ) {}

  async request(user: AuthUser, selectionId: string, dto: WaiverDto) {
    if (!isRuleId(dto.rule)) throw invalidField('rule', '未知的规则');
    const rule = RULES[dto.rule];
    if (!rule.waivable) {
      throw unprocessable('RULE_NOT_WAIVABLE', `「${rule.zh}」不得豁免`, { rule: rule.id });
    }
    if (rule.scope === 'candidate' && !dto.candidateId) throw invalidField('candidateId', '该规则按人选适用，须指定人选');
    if (rule.scope === 'selection' && dto.candidateId) throw invalidField('candidateId', '该规则按选任工作适用，不应指定人选');
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, selectionId, { what: '申请豁免', stages: OPEN_STAGES });
      if (!getRulebook(s.rulebookVersion).ruleIds.includes(rule.id)) throw invalidField('rule', '该规则不在本次选任工作适用的规则版本中');
      if (dto.candidateId && !(await m.existsBy(CandidateEntity, { id: dto.candidateId, selectionId }))) {
        throw invalidField('candidateId', '不是本次选任工作的人选');
      }
      const waiver = await m.save(
        m.create(WaiverEntity, {
          selectionId,
          rule: rule.id,
          candidateId: dto.candidateId ?? null,
          reason: dto.reason,
          requestedBy: user.id,
          requestedAt: this.clock.now(),
          approvedBy: null,
          approvedAt: null,
        }),
      );
      await this.locks.touch(m, s);
      const response = mapWaiver(waiver);
      await this.audit.append(m, { selectionId, action: 'waiver.requested', entity: 'waiver', entityId: waiver.id, after: response });
      return response;
    });
  }

  async approve(user: AuthUser, waiverId: string) {
    const found = await this.dataSource.getRepository(WaiverEntity).findOneBy({ id: waiverId });
    if (!found) throw notFound('豁免申请');
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, found.selectionId, { what: '批准豁免', stages: OPEN_STAGES });
      const waiver = await m.findOneOrFail(WaiverEntity, { where: { id: waiverId }, lock: { mode: 'pessimistic_write' } });
      if (waiver.approvedBy) throw new DomainException('WAIVER_ALREADY_APPROVED', '该豁免已批准', 409);
      if (waiver.requestedBy === user.id) throw new DomainException('SELF_APPROVAL', '豁免须由申请人以外的另一名组织部工作人员批准', 403);
      const before = mapWaiver(waiver);
      waiver.approvedBy = user.id;
      waiver.approvedAt = this.clock.now();
      const saved = await m.save(waiver);
      await this.locks.touch(m, s);
      const response = mapWaiver(saved);
      await this.audit.append(m, { selectionId: s.id, action: 'waiver.approved', entity: 'waiver', entityId: waiver.id, before, after: response });
      return response;
    });
  }
}
