import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A volunteer supervisor who took part in activities concerning a candidate. */
export interface AttendingSupervisor {
  userId: string;
  name: string;
  /** e.g. 县人大代表, from the supervisor's profile. */
  affiliation: string | null;
  /** What they attended, as printed: 个别谈话、会议推荐… */
  activities: string[];
}

export interface DossierContributorProvider {
  /**
   * Supervisors who attended the candidate's interviews (`candidateRecordIds` are the ids of
   * the candidate's own records) or the selection's meetings.
   */
  attendingSupervisors(
    m: EntityManager,
    query: { selectionId: string; candidateId: string; candidateRecordIds: string[] },
  ): Promise<AttendingSupervisor[]>;
}

/**
 * Who took part in a candidate's inspection is recorded by the supervision module, which
 * depends on this one: it registers here at start-up (API and worker) so the dossier can list
 * the supervisors who attended. Without a provider the dossier lists the assigned ones.
 */
@Injectable()
export class DossierContributors {
  private readonly providers: DossierContributorProvider[] = [];

  register(provider: DossierContributorProvider): void {
    this.providers.push(provider);
  }

  get registered(): boolean {
    return this.providers.length > 0;
  }

  async attendingSupervisors(
    m: EntityManager,
    query: { selectionId: string; candidateId: string; candidateRecordIds: string[] },
  ): Promise<AttendingSupervisor[]> {
    const byUser = new Map<string, AttendingSupervisor>();
    for (const p of this.providers) {
      for (const s of await p.attendingSupervisors(m, query)) {
        const seen = byUser.get(s.userId);
        if (seen) seen.activities = [...new Set([...seen.activities, ...s.activities])];
        else byUser.set(s.userId, { ...s, activities: [...s.activities] });
      }
    }
    return [...byUser.values()];
  }
}

/**
 * A plain (non-dynamic) module, so the API's and the worker's registry modules and the
 * supervision modules all share one DossierContributors instance.
 */
@Module({ providers: [DossierContributors], exports: [DossierContributors] })
export class DossierContributorsModule {}
