import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttendingSupervisor, DossierContributorProvider } from '@app/document-registry';
import { UsersService } from '@app/identity';
import { ATTENDANCE_ACTIVITIES, ATTENDANCE_ACTIVITY_LABELS, type AttendanceActivity } from './supervision.entities';

/**
 * Who of the volunteer supervisors took part in a candidate's inspection, for the dossier:
 * attendance of the candidate's own records (an interview with them), of the selection's
 * meetings, and of an interview recorded without naming its record (it cannot be told apart,
 * so it is not withheld). An interview with another candidate does not count.
 */
@Injectable()
export class SupervisionDossierContributor implements DossierContributorProvider {
  constructor(private readonly users: UsersService) {}

  async attendingSupervisors(
    m: EntityManager,
    query: { selectionId: string; candidateId: string; candidateRecordIds: string[] },
  ): Promise<AttendingSupervisor[]> {
    // Plain SQL on this module's tables: the worker's variant of the module registers no repositories.
    const rows = await m.query<{ user_id: string; activity: AttendanceActivity; affiliation: string | null }[]>(
      `SELECT am.user_id, a.activity, p.affiliation
         FROM supervisor_attendance a
         JOIN supervisor_attendance_member am ON am.attendance_id = a.id
         LEFT JOIN supervisor_profile p ON p.user_id = am.user_id
        WHERE a.selection_id = $1
          AND (a.activity <> 'interview' OR a.record_id IS NULL OR a.record_id = ANY($2::uuid[]))
        ORDER BY a.held_at, a.recorded_at`,
      [query.selectionId, query.candidateRecordIds],
    );
    if (rows.length === 0) return [];
    const names = new Map((await this.users.findByIds([...new Set(rows.map((r) => r.user_id))])).map((u) => [u.id, u.displayName]));
    const out = new Map<string, AttendingSupervisor & { kinds: Set<AttendanceActivity> }>();
    for (const r of rows) {
      const seen = out.get(r.user_id) ?? {
        userId: r.user_id,
        name: names.get(r.user_id) ?? '—',
        affiliation: r.affiliation,
        activities: [],
        kinds: new Set(),
      };
      seen.kinds.add(r.activity);
      out.set(r.user_id, seen);
    }
    return [...out.values()].map(({ kinds, ...s }) => ({
      ...s,
      activities: ATTENDANCE_ACTIVITIES.filter((a) => kinds.has(a)).map((a) => ATTENDANCE_ACTIVITY_LABELS[a]),
    }));
  }
}
