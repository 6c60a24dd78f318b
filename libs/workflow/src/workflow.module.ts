import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CadresController,
  CandidatesController,
  RulebooksController,
  SelectionsController,
  VotesController,
  WaiversController,
} from './controllers/workflow.controllers';
import {
  DemocraticEvaluationEntity,
  ExtendedInspectionEntity,
  InspectionCheckEntity,
  InterviewEntity,
  PersonalMattersVerificationEntity,
} from './entities/inspection-records.entity';
import {
  AppointmentEntity,
  DeliberationEntity,
  MotionEntity,
  RecommendationEntity,
  SelectionPostEntity,
  TargetMeetingEntity,
  WaiverEntity,
  WorkPlanEntity,
} from './entities/selection-records.entity';
import { BallotBoxEntity, VoteEntity, VoteMemberEntity, VoteParticipationEntity, VoteResultEntity } from './entities/vote.entity';
import { CadresService } from './services/cadres.service';
import { DecisionRecords } from './services/decision-records.service';
import { GatesService } from './services/gates.service';
import { RecordsService } from './services/records.service';
import { SelectionLocks } from './services/selection-locks.service';
import { SelectionsService } from './services/selections.service';
import { SnapshotService } from './services/snapshot.service';
import { VotesService } from './services/votes.service';
import { WaiversService } from './services/waivers.service';

export const WORKFLOW_ENTITIES = [
  SelectionPostEntity,
  MotionEntity,
  WorkPlanEntity,
  RecommendationEntity,
  TargetMeetingEntity,
  DeliberationEntity,
  AppointmentEntity,
  WaiverEntity,
  InterviewEntity,
  InspectionCheckEntity,
  DemocraticEvaluationEntity,
  ExtendedInspectionEntity,
  PersonalMattersVerificationEntity,
  VoteEntity,
  VoteMemberEntity,
  VoteResultEntity,
  BallotBoxEntity,
  VoteParticipationEntity,
];

/**
 * The enforced selection workflow: the cadre registry, the rulebooks, every selection-level and
 * per-candidate record, waivers, votes, and the gates that refuse a move while a rule is unmet.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WORKFLOW_ENTITIES)],
  controllers: [RulebooksController, CadresController, SelectionsController, CandidatesController, WaiversController, VotesController],
  providers: [SelectionLocks, SnapshotService, CadresService, SelectionsService, GatesService, WaiversService, RecordsService, VotesService, DecisionRecords],
  exports: [SnapshotService, GatesService, DecisionRecords],
})
export class WorkflowModule {}
