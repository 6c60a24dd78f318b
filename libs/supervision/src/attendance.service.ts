import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService, CasesService } from '@app/cases';
import { Clock, forbidden, hasRole, invalidField, type AuthUser } from '@app/common';
import { UsersService } from '@app/identity';
import type { AttendanceDto } from './supervision.dto';
import {
  ATTENDANCE_ACTIVITY_LABELS,
  SupervisorAttendanceEntity,
  SupervisorAttendanceMemberEntity,
  type AttendanceActivity,
} from './supervision.entities';
import { closedSelection, SupervisionAccess } from './supervision-access';

/** Which records an activity may point at, by the entity their audit events name. */
const RECORD_ENTITIES: Record<AttendanceActivity, readonly string[] | null> = {
  interview: ['interview'],
  recommendation_meeting: ['recommendation'],
  talk_recommendation: ['recommendation'],
  target_meeting: ['target_meeting'],
  deliberation: ['deliberation'],
  vote_count: ['vote'],
  other: null,
};

export interface AttendanceView {
  id: string;
  activity: AttendanceActivity;
  activityLabel: string;
  recordId: string | null;
  heldAt: Date;
  note: string | null;
  supervisors: { userId: string; name: string }[];
  recordedBy: { userId: string; name: string };
  recordedAt: Date;
}

/** Supervisors who took part in an interview, a meeting or a vote count, as recorded by the team or the department. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly supervision: SupervisionAccess,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, selectionId: string, dto: AttendanceDto): Promise<AttendanceView> {
    await this.access.assertCanViewSelection(user, selectionId);
    if (!hasRole(user, 'org_admin') && !(hasRole(user, 'inspector') && (await this.access.isTeamMember(user.id, selectionId)))) {
      throw forbidden('只有本考察组成员或组织部工作人员可以记录义务监督员参加情况');
    }
    const heldAt = new Date(dto.heldAt);
    if (heldAt.getTime() > this.clock.now().getTime()) throw invalidField('heldAt', '不能晚于当前时间');
    const assigned = await this.cases.supervisorIds(selectionId);
    dto.supervisorUserIds.forEach((id, i) => {
      if (!assigned.includes(id)) throw invalidField(`supervisorUserIds.${i}`, '不是本次选任工作的义务监督员');
    });
    if (dto.recordId) {
      // Records live in other modules' tables; the selection's audit chain names every one of them.
      const found = await this.audit.list({ selectionId, entityId: dto.recordId, page: 1, pageSize: 1 });
      const entity = found.items[0]?.entity;
      const allowed = RECORD_ENTITIES[dto.activity];
      if (!entity) throw invalidField('recordId', '本次选任工作中没有该记录');
      if (allowed && !allowed.includes(entity)) throw invalidField('recordId', `该记录不是${ATTENDANCE_ACTIVITY_LABELS[dto.activity]}的记录`);
    }
    const id = await this.dataSource.transaction(async (m) => {
      const stage = await this.supervision.share(m, selectionId);
      if (stage === 'closed') throw closedSelection(stage, '再记录义务监督员参加情况');
      const row = await m.save(
        m.create(SupervisorAttendanceEntity, {
          selectionId,
          activity: dto.activity,
          recordId: dto.recordId ?? null,
          heldAt,
          note: dto.note ?? null,
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      await m.insert(SupervisorAttendanceMemberEntity, dto.supervisorUserIds.map((userId) => ({ attendanceId: row.id, userId })));
      await this.audit.append(m, {
        selectionId,
        action: 'supervision.attendance_recorded',
        entity: 'supervisor_attendance',
        entityId: row.id,
        after: { activity: row.activity, recordId: row.recordId, heldAt: row.heldAt, note: row.note, supervisorUserIds: dto.supervisorUserIds },
      });
      return row.id;
    });
    return (await this.forSelection(selectionId)).find((a) => a.id === id)!;
  }

  /** GET /selections/:id/supervisor-attendance: who may read the record may read this too. */
  async list(user: AuthUser, selectionId: string): Promise<{ items: AttendanceView[] }> {
    await this.supervision.assertRecordReader(user, selectionId);
    return { items: await this.forSelection(selectionId) };
  }

  /** Every attendance of a selection, in the order held. */
  async forSelection(selectionId: string): Promise<AttendanceView[]> {
    const rows = await this.dataSource.getRepository(SupervisorAttendanceEntity).find({ where: { selectionId }, order: { heldAt: 'ASC', recordedAt: 'ASC' } });
    if (rows.length === 0) return [];
    const members = await this.dataSource.getRepository(SupervisorAttendanceMemberEntity).findBy({ attendanceId: In(rows.map((r) => r.id)) });
    const names = new Map(
      (await this.users.findByIds([...new Set([...members.map((x) => x.userId), ...rows.map((r) => r.recordedBy)])])).map((u) => [u.id, u.displayName]),
    );
    return rows.map((r) => ({
      id: r.id,
      activity: r.activity,
      activityLabel: ATTENDANCE_ACTIVITY_LABELS[r.activity],
      recordId: r.recordId,
      heldAt: r.heldAt,
      note: r.note,
      supervisors: members.filter((x) => x.attendanceId === r.id).map((x) => ({ userId: x.userId, name: names.get(x.userId) ?? '' })),
      recordedBy: { userId: r.recordedBy, name: names.get(r.recordedBy) ?? '' },
      recordedAt: r.recordedAt,
    }));
  }
}
