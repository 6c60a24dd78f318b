import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, type AuthUser } from '@app/common';
import { ConsultationsService, ListConsultationsQueryDto } from '@app/consultations';
import { addWorkingDays, NOTICE_KIND_LABELS, OPEN_STAGES, shanghaiEndOfDay, STAGE_LABELS, toShanghaiDate, type NoticeKind, type OpenStage } from '@app/rulebook';

/** Working days ahead (today included when it is one) in which a closing notice is flagged. */
export const NOTICE_WARNING_WORKING_DAYS = 3;

export interface Dashboard {
  generatedAt: Date;
  openSelections: { total: number; byStage: { stage: OpenStage; label: string; count: number }[] };
  candidatesOnHold: number;
  overdueConsultations: number;
  noticesClosingSoon: {
    count: number;
    closingBy: Date;
    items: { id: string; selectionId: string; selectionTitle: string; kind: NoticeKind; kindLabel: string; endsOn: string; closesAt: Date }[];
  };
  unansweredRemarks: { count: number; selections: number };
}

/**
 * The organization department's figures at a glance. Each is one aggregate query (or, for
 * consultations, the consultations service's own count), never a loop over selections.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
    private readonly clock: Clock,
  ) {}

  async dashboard(user: AuthUser): Promise<Dashboard> {
    const now = this.clock.now();
    const closingBy = shanghaiEndOfDay(addWorkingDays(toShanghaiDate(now), NOTICE_WARNING_WORKING_DAYS));
    const overdueQuery = Object.assign(new ListConsultationsQueryDto(), { status: 'overdue' as const, page: 1, pageSize: 1 });
    const [stages, onHold, notices, remarks, overdue] = await Promise.all([
      this.dataSource.query<{ stage: OpenStage; n: string }[]>(`SELECT stage, count(*) AS n FROM selection WHERE stage <> 'closed' GROUP BY stage`),
      this.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM candidate c JOIN selection s ON s.id = c.selection_id WHERE c.state = 'on_hold' AND s.stage <> 'closed'`,
      ),
      this.dataSource.query<{ id: string; selection_id: string; title: string; kind: NoticeKind; ends_on: string; closes_at: Date }[]>(
        `SELECT n.id, n.selection_id, s.title, n.kind, to_char(n.ends_on, 'YYYY-MM-DD') AS ends_on, n.closes_at
           FROM notice n JOIN selection s ON s.id = n.selection_id
          WHERE n.closes_at > $1 AND n.closes_at <= $2
          ORDER BY n.closes_at, n.id`,
        [now, closingBy],
      ),
      this.dataSource.query<{ n: string; selections: string }[]>(
        `SELECT count(*) AS n, count(DISTINCT r.selection_id) AS selections
           FROM supervision_remark r JOIN selection s ON s.id = r.selection_id
          WHERE s.stage <> 'closed' AND NOT EXISTS (SELECT 1 FROM supervision_remark_answer a WHERE a.remark_id = r.id)`,
      ),
      this.consultations.list(user, overdueQuery),
    ]);
    const byStage = OPEN_STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: Number(stages.find((r) => r.stage === stage)?.n ?? 0) }));
    return {
      generatedAt: now,
      openSelections: { total: byStage.reduce((n, s) => n + s.count, 0), byStage },
      candidatesOnHold: Number(onHold[0]?.n ?? 0),
      overdueConsultations: overdue.total,
      noticesClosingSoon: {
        count: notices.length,
        closingBy,
        items: notices.map((n) => ({
          id: n.id,
          selectionId: n.selection_id,
          selectionTitle: n.title,
          kind: n.kind,
          kindLabel: NOTICE_KIND_LABELS[n.kind],
          endsOn: n.ends_on,
          closesAt: n.closes_at,
        })),
      },
      unansweredRemarks: { count: Number(remarks[0]?.n ?? 0), selections: Number(remarks[0]?.selections ?? 0) },
    };
  }
}
