import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, Optional, Text, ValidateUUID } from '@app/common';
import { NOTICE_KINDS, type NoticeKind, type ReportFinding } from '@app/rulebook';
import { REPORT_FINDINGS } from './notice-policy';
import { MANUAL_REPORT_CHANNELS, REPORT_STATUSES, type ManualReportChannel, type ReportRecordStatus } from './report.entity';

export const REPORT_CONTENT_MIN = 10;
export const REPORT_CONTENT_MAX = 5000;
export const REPORT_CONTACT_MAX = 200;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A blank optional field of an HTML form arrives as '' and means "not given". */
const blankToUndefined = ({ value }: { value: unknown }) => {
  const v = typeof value === 'string' ? value.trim() : value;
  return v === '' || v === null ? undefined : v;
};

export class ProposedPostDto {
  @ValidateUUID()
  candidateId: string;

  @Text(200)
  post: string;
}

export class CreateNoticeDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS, { message: `必须是 ${NOTICE_KINDS.join('、')} 之一` })
  kind: NoticeKind;

  @IsArray({ message: '必须是考察对象 id 的列表' })
  @ArrayMinSize(1, { message: '至少包含一名考察对象' })
  @ArrayMaxSize(100, { message: '一次公示不超过 100 人' })
  @ArrayUnique({ message: '考察对象不能重复' })
  @IsUUID('all', { each: true, message: '必须是有效的 UUID' })
  candidateIds: string[];

  @ApiProperty({ example: '2026-09-30' })
  @CalendarDate()
  startsOn: string;

  @ApiPropertyOptional({ description: 'defaults to the pinned rulebook; never below it (pre_appointment ≥ 5)' })
  @Optional()
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '至少 1 个工作日' })
  @Max(60, { message: '不超过 60 个工作日' })
  workingDays?: number;

  @ApiPropertyOptional({ description: 'advance notice only: the day inspection begins' })
  @Optional()
  @CalendarDate()
  inspectionStartsOn?: string;

  @ApiPropertyOptional({ type: [ProposedPostDto] })
  @Optional()
  @IsArray({ message: '必须是列表' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProposedPostDto)
  proposedPosts?: ProposedPostDto[];
}

/** What anyone may send from the public page (JSON or an HTML form). */
export class PublicReportDto {
  @ValidateUUID()
  candidateId: string;

  @Transform(trim)
  @IsString({ message: '必须是文本' })
  @MinLength(REPORT_CONTENT_MIN, { message: `举报内容不少于 ${REPORT_CONTENT_MIN} 个字` })
  @MaxLength(REPORT_CONTENT_MAX, { message: `举报内容不超过 ${REPORT_CONTENT_MAX} 个字` })
  content: string;

  @ApiPropertyOptional({ description: 'how to reach the reporter; encrypted, shown to org_admin only' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString({ message: '必须是文本' })
  @MaxLength(REPORT_CONTACT_MAX, { message: `联系方式不超过 ${REPORT_CONTACT_MAX} 个字` })
  contact?: string;
}

/** A report received by letter, the 12380 line, a visit: entered by the organization department. */
export class ManualReportDto extends PublicReportDto {
  @ApiProperty({ enum: MANUAL_REPORT_CHANNELS })
  @IsIn(MANUAL_REPORT_CHANNELS, { message: `必须是 ${MANUAL_REPORT_CHANNELS.join('、')} 之一` })
  channel: ManualReportChannel;

  @CalendarDate()
  receivedOn: string;
}

export class FindingDto {
  @ApiProperty({ enum: REPORT_FINDINGS })
  @IsIn(REPORT_FINDINGS, { message: `必须是 ${REPORT_FINDINGS.join('、')} 之一` })
  finding: ReportFinding;

  /** The conclusion of the investigation (for `minor`: the reminder given). */
  @Text(5000)
  detail: string;

  /** Required for `serious`: to whom and how it is referred. */
  @Optional()
  @Text(2000)
  referral?: string;
}

export class ReportQueryDto {
  @Optional()
  @ValidateUUID()
  selectionId?: string;

  @Optional()
  @ValidateUUID()
  candidateId?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @Optional()
  @IsIn(REPORT_STATUSES)
  status?: ReportRecordStatus;
}

/** GET /reports: the filters, one page at a time (newest first). */
export class ReportPageQueryDto extends ReportQueryDto {
  /** `true`: only reports that still hold their candidate or await a conclusion (not closed, or unverifiable). */
  @ApiPropertyOptional({ type: Boolean })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsIn([true, false], { message: '必须是 true 或 false' })
  unresolved?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '不能小于 1' })
  page = 1;

  @ApiPropertyOptional({ default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '不能小于 1' })
  @Max(200, { message: '不能超过 200' })
  pageSize = 20;
}
