import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, Instant, Optional, Text, ValidateUUID, PageQueryDto } from '@app/common';
import { ALL_STAGES, type Stage } from '@app/rulebook';

const UUIDS = { message: '必须是有效的 UUID' };

export class CreateSelectionDto {
  @ApiProperty({ example: '2026年乡镇领导班子补充配备' })
  @Text(200)
  title: string;

  @ApiPropertyOptional({ example: '2026.1' })
  @Optional()
  @IsString({ message: '必须是文本' })
  @MaxLength(32)
  rulebookVersion?: string;
}

export class SelectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALL_STAGES })
  @Optional()
  @IsIn(ALL_STAGES, { message: `阶段必须是 ${ALL_STAGES.join(', ')} 之一` })
  stage?: Stage;
}

export class MotionDto {
  @ApiProperty({ example: '选拔一名熟悉经济工作的正科级领导干部' })
  @Text(2000)
  direction: string;

  @ApiProperty()
  @Text(2000)
  criteria: string;

  @ApiProperty()
  @Text(2000)
  requirements: string;

  @ApiProperty({ example: '县委书记 赵某' })
  @Text(100)
  proposedBy: string;
}

export class WorkPlanPostDto {
  @ApiPropertyOptional({ description: '保留已有职位时给出其 id（已提名人选的拟任职位不变）' })
  @Optional()
  @ValidateUUID()
  id?: string;

  @ApiProperty({ example: '乡镇党委副书记' })
  @Text(100)
  title: string;

  @ApiProperty()
  @ValidateUUID()
  unitId: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '至少为 1' })
  @Max(50)
  count: number;
}

export class WorkPlanDto {
  @ApiProperty({ type: [WorkPlanPostDto] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一个职位' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WorkPlanPostDto)
  posts: WorkPlanPostDto[];

  @ApiProperty()
  @Text(4000)
  conditions: string;

  @ApiProperty()
  @Text(4000)
  pool: string;

  @ApiProperty()
  @Text(4000)
  method: string;

  @ApiProperty()
  @Text(4000)
  timetable: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '必须是数组' })
  @ArrayMaxSize(30)
  @ArrayUnique({ message: '成员不能重复' })
  @IsUUID('all', { each: true, ...UUIDS })
  teamUserIds: string[];
}

export class NominatorDto {
  @ApiProperty({ example: '赵某' })
  @Text(50)
  name: string;

  @ApiProperty({ example: '县委书记' })
  @Text(100)
  post: string;

  @ApiProperty({ example: '县委常委会' })
  @Text(100)
  team: string;
}

export class NominateDto {
  @ApiProperty()
  @ValidateUUID()
  cadreId: string;

  @ApiProperty({ type: NominatorDto })
  @ValidateNested()
  @Type(() => NominatorDto)
  nominator: NominatorDto;

  @ApiProperty({ description: '初始提名责任人签署的责任承诺' })
  @Text(4000)
  responsibilityStatement: string;

  @ApiPropertyOptional()
  @Optional()
  @ValidateUUID()
  proposedPostId?: string;
}

export class ReasonDto {
  @ApiProperty()
  @Text(1000)
  reason: string;
}

export class MeetingTallyDto {
  @ApiProperty()
  @ValidateUUID()
  candidateId: string;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(0)
  votes: number;
}

export class MeetingRecommendationDto {
  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty({ description: '参会人数' })
  @IsInt({ message: '必须是整数' })
  @Min(1)
  participants: number;

  @ApiProperty({ type: [MeetingTallyDto] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一条结果' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MeetingTallyDto)
  tallies: MeetingTallyDto[];
}

export class TalkResultDto {
  @ApiProperty()
  @ValidateUUID()
  candidateId: string;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(0)
  mentions: number;
}

export class TalkRecommendationDto {
  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty({ type: [TalkResultDto] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一条结果' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TalkResultDto)
  results: TalkResultDto[];
}

/** Target meeting and deliberation: a meeting with minutes that fixes a list of candidates. */
export class MeetingListDto {
  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty()
  @Text(20000)
  minutes: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一名人选' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: '人选不能重复' })
  @IsUUID('all', { each: true, ...UUIDS })
  candidateIds: string[];
}

export class AdvanceDto {
  @ApiProperty({ enum: ALL_STAGES })
  @IsIn(ALL_STAGES, { message: `阶段必须是 ${ALL_STAGES.join(', ')} 之一` })
  to: Stage;

  @ApiPropertyOptional({ description: '乐观并发：客户端看到的 version（也可用 If-Match 头）' })
  @Optional()
  @IsInt({ message: '必须是整数' })
  @Min(1)
  expectedVersion?: number;
}

export class AppointmentDto {
  @ApiProperty()
  @ValidateUUID()
  candidateId: string;

  @ApiProperty({ example: '2026-12-15' })
  @CalendarDate()
  effectiveOn: string;

  @ApiPropertyOptional({ example: '一年' })
  @Optional()
  @Text(50)
  trialPeriod?: string;
}

export class WaiverDto {
  @ApiProperty({ example: 'seven_talks.cppcc_members' })
  @IsString({ message: '必须是文本' })
  @MaxLength(100)
  rule: string;

  @ApiPropertyOptional()
  @Optional()
  @ValidateUUID()
  candidateId?: string;

  @ApiProperty()
  @Text(2000)
  reason: string;
}
