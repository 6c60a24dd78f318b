import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CadreEntity, CadrePostEntity } from './cadre.entity';
import { CandidateEntity } from './candidate.entity';
import { CandidateStateService } from './candidate-state.service';
import { CaseAccessService } from './case-access.service';
import { CasesService } from './cases.service';
import { CaseExtensions } from './case-extensions';
import { SelectionEntity, SelectionSupervisorEntity, SelectionTeamMemberEntity } from './selection.entity';

/**
 * The spine: cadres, selections, candidates, team and supervisors, with per-object access and
 * the one service that changes a candidate's state. Features build on it; it depends on none.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CadreEntity,
      CadrePostEntity,
      SelectionEntity,
      SelectionTeamMemberEntity,
      SelectionSupervisorEntity,
      CandidateEntity,
    ]),
  ],
  providers: [CasesService, CaseAccessService, CandidateStateService, CaseExtensions],
  exports: [CasesService, CaseAccessService, CandidateStateService, CaseExtensions],
})
export class CasesModule {}
