import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CalendarDate, Instant, Optional, Text, ValidateUUID, PageQueryDto } from '@app/common';
import { ALL_STAGES, type Stage } from '@app/rulebook';
import { ATTENDANCE_ACTIVITIES, REMARK_KINDS, type AttendanceActivity, type RemarkKind } from './supervision.entities';

const UUIDS = { message: '必须是有效的 UUID' };

export class AssignSupervisorsDto {
  @ApiProperty({ type: [String], description: '替换该选任工作的义务监督员名单（可为空）' })
  @IsArray({ message: '必须是数组' })
  @ArrayMaxSize(30, { message: '不能超过 30 人' })
  @ArrayUnique({ message: '监督员不能重复' })
  @IsUUID('all', { each: true, ...UUIDS })
  userIds: string[];
}

export class SupervisorProfileDto {
  @ApiPropertyOptional({ example: '13800000000' })
  @Optional({ nullable: true })
  @IsString({ message: '必须是文本' })
  @Matches(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' })
  phone?: string | null;

  @ApiPropertyOptional({ example: '退休教师' })
  @Optional({ nullable: true })
  @IsString({ message: '必须是文本' })
  @MaxLength(100, { message: '不能超过 100 个字符' })
  occupation?: string | null;

  @ApiPropertyOptional({ example: '县人大代表' })
  @Optional({ nullable: true })
  @IsString({ message: '必须是文本' })
  @MaxLength(100, { message: '不能超过 100 个字符' })
  affiliation?: string | null;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @Optional({ nullable: true })
  @CalendarDate()
  termFrom?: string | null;

  @ApiPropertyOptional({ example: '2028-12-31' })
  @Optional({ nullable: true })
  @CalendarDate()
  termTo?: string | null;
}

export class CandidateRemarkDto {
  @ApiProperty({ example: '建议核实该同志在原单位的信访情况' })
  @Text(4000)
  content: string;

  @ApiPropertyOptional({ enum: REMARK_KINDS })
  @Optional()
  @IsIn(REMARK_KINDS, { message: `类型必须是 ${REMARK_KINDS.join('、')} 之一` })
  kind?: RemarkKind;
}

export class SelectionRemarkDto extends CandidateRemarkDto {}

export class RemarkTextDto {
  @ApiProperty()
  @Text(4000)
  content: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [String] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一名义务监督员' })
  @ArrayMaxSize(30, { message: '不能超过 30 人' })
  @ArrayUnique({ message: '监督员不能重复' })
  @IsUUID('all', { each: true, ...UUIDS })
  supervisorUserIds: string[];

  @ApiProperty({ enum: ATTENDANCE_ACTIVITIES })
  @IsIn(ATTENDANCE_ACTIVITIES, { message: `活动必须是 ${ATTENDANCE_ACTIVITIES.join('、')} 之一` })
  activity: AttendanceActivity;

  @ApiPropertyOptional({ description: '所参加的谈话、会议或票决记录的 id' })
  @Optional()
  @ValidateUUID()
  recordId?: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' })
  @Instant()
  heldAt: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(2000)
  note?: string;
}

/** GET /remarks: remarks across selections (the dashboard's "unanswered remarks" list), one page at a time. */
export class RemarkQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'false：只列未答复的意见' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsIn([true, false], { message: '必须是 true 或 false' })
  answered?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @ValidateUUID()
  selectionId?: string;
}

/** GET /supervision/selections: a supervisor's assignments, newest first, by stage. */
export class SupervisedSelectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALL_STAGES })
  @Optional()
  @IsIn(ALL_STAGES, { message: `阶段必须是 ${ALL_STAGES.join(', ')} 之一` })
  stage?: Stage;
}
