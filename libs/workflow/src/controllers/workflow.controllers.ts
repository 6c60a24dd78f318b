import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, notFound, Roles, type AuthUser } from '@app/common';
import { RULEBOOKS } from '@app/rulebook';
import { CadreQueryDto, CreateCadreDto } from '../dto/cadre.dto';
import { CheckDto, EvaluationDto, ExtendedInspectionDto, InterviewDto, PersonalMattersDto } from '../dto/records.dto';
import {
  AdvanceDto,
  AppointmentDto,
  CreateSelectionDto,
  MeetingListDto,
  MeetingRecommendationDto,
  MotionDto,
  NominateDto,
  ReasonDto,
  SelectionQueryDto,
  TalkRecommendationDto,
  WaiverDto,
  WorkPlanDto,
} from '../dto/selection.dto';
import { BallotDto, CreateVoteDto } from '../dto/vote.dto';
import { describeRulebook, listRulebooks } from '../rulebook-view';
import { CadresService } from '../services/cadres.service';
import { GatesService } from '../services/gates.service';
import { RecordsService } from '../services/records.service';
import { parseIfMatch } from '../services/selection-locks.service';
import { SelectionsService } from '../services/selections.service';
import { VotesService } from '../services/votes.service';
import { WaiversService } from '../services/waivers.service';

const Id = (name = 'id') => Param(name, new ParseUUIDPipe({ version: undefined }));

@ApiTags('rulebooks')
@ApiBearerAuth()
@Controller('rulebooks')
export class RulebooksController {
  @Get()
  list() {
    return listRulebooks();
  }

  @Get(':version')
  get(@Param('version') version: string) {
    const rb = Object.prototype.hasOwnProperty.call(RULEBOOKS, version) ? RULEBOOKS[version] : undefined;
    if (!rb) throw notFound('规则版本');
    return describeRulebook(rb);
  }
}

@ApiTags('cadres')
@ApiBearerAuth()
@Controller('cadres')
@Roles('org_admin')
export class CadresController {
  constructor(private readonly cadres: CadresService) {}

  @Post()
  create(@Body() dto: CreateCadreDto) {
    return this.cadres.create(dto);
  }

  @Get()
  list(@Query() q: CadreQueryDto) {
    return this.cadres.list(q);
  }

  @Get(':id')
  get(@Id() id: string) {
    return this.cadres.get(id);
  }
}

@ApiTags('selections')
@ApiBearerAuth()
@Controller('selections')
export class SelectionsController {
  constructor(
    private readonly selections: SelectionsService,
    private readonly gates: GatesService,
    private readonly waivers: WaiversService,
    private readonly votes: VotesService,
  ) {}

  @Roles('org_admin')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSelectionDto) {
    return this.selections.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: SelectionQueryDto) {
    return this.selections.list(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.selections.get(user, id);
  }

  @Get(':id/checklist')
  checklist(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.gates.checklist(user, id);
  }

  @Roles('org_admin')
  @Post(':id/motion')
  motion(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: MotionDto) {
    return this.selections.recordMotion(user, id, dto);
  }

  @Roles('org_admin')
  @Put(':id/work-plan')
  workPlan(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: WorkPlanDto) {
    return this.selections.setWorkPlan(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/candidates')
  nominate(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: NominateDto) {
    return this.selections.nominate(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/candidates/:cid/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Id() id: string, @Id('cid') cid: string, @Body() dto: ReasonDto) {
    return this.selections.withdraw(user, id, cid, dto.reason);
  }

  @Roles('org_admin')
  @Post(':id/candidates/:cid/drop')
  @HttpCode(200)
  drop(@CurrentUser() user: AuthUser, @Id() id: string, @Id('cid') cid: string, @Body() dto: ReasonDto) {
    return this.selections.drop(user, id, cid, dto.reason);
  }

  @Roles('org_admin')
  @Post(':id/recommendations/meeting')
  meeting(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: MeetingRecommendationDto) {
    return this.selections.meetingRecommendation(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/recommendations/talk')
  talk(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: TalkRecommendationDto) {
    return this.selections.talkRecommendation(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/target-meeting')
  targetMeeting(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: MeetingListDto) {
    return this.selections.targetMeeting(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/deliberation')
  deliberation(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: MeetingListDto) {
    return this.selections.deliberation(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/advance')
  @HttpCode(200)
  advance(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: AdvanceDto, @Headers('if-match') ifMatch?: string) {
    return this.gates.advance(user, id, dto.to, dto.expectedVersion ?? parseIfMatch(ifMatch));
  }

  @Roles('org_admin')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: ReasonDto) {
    return this.gates.close(user, id, dto.reason);
  }

  @Roles('org_admin')
  @Post(':id/waivers')
  waiver(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: WaiverDto) {
    return this.waivers.request(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/votes')
  vote(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: CreateVoteDto) {
    return this.votes.create(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/appointments')
  appoint(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: AppointmentDto) {
    return this.selections.appoint(user, id, dto);
  }
}

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly records: RecordsService) {}

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.records.candidate(user, id);
  }

  @Roles('org_admin', 'inspector')
  @Post(':id/interviews')
  interview(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: InterviewDto) {
    return this.records.addInterview(user, id, dto);
  }

  @Roles('org_admin', 'inspector')
  @Post(':id/checks')
  check(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: CheckDto) {
    return this.records.addCheck(user, id, dto);
  }

  @Roles('org_admin', 'inspector')
  @Post(':id/evaluations')
  evaluation(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: EvaluationDto) {
    return this.records.addEvaluation(user, id, dto);
  }

  @Roles('org_admin', 'inspector')
  @Post(':id/extended-inspections')
  extended(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: ExtendedInspectionDto) {
    return this.records.addExtendedInspection(user, id, dto);
  }

  @Roles('org_admin', 'inspector')
  @Post(':id/personal-matters')
  personalMatters(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: PersonalMattersDto) {
    return this.records.addPersonalMatters(user, id, dto);
  }
}

@ApiTags('waivers')
@ApiBearerAuth()
@Controller('waivers')
@Roles('org_admin')
export class WaiversController {
  constructor(private readonly waivers: WaiversService) {}

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.waivers.approve(user, id);
  }
}

@ApiTags('votes')
@ApiBearerAuth()
@Controller('votes')
export class VotesController {
  constructor(private readonly votes: VotesService) {}

  /** The caller's open electronic votes (a committee member's phone screen). */
  @Roles('committee_member')
  @Get()
  open(@CurrentUser() user: AuthUser) {
    return this.votes.openFor(user);
  }

  @Roles('org_admin', 'committee_member')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.votes.get(user, id);
  }

  @Roles('committee_member')
  @Post(':id/ballots')
  ballot(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: BallotDto) {
    return this.votes.cast(user, id, dto);
  }

  @Roles('org_admin')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.votes.close(user, id);
  }
}
