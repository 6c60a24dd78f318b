import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { Text, PageQueryDto } from '@app/common';
import type { ConsultationVerdict } from '@app/rulebook';
import { REQUEST_STATUSES, VERDICTS, type RequestStatus } from './consultation.entities';

export class ListConsultationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `必须是 ${REQUEST_STATUSES.join('、')} 之一` })
  status?: RequestStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '必须是有效的 UUID' })
  selectionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '必须是有效的 UUID' })
  candidateId?: string;

  /** The screens of this list show 50 rows at a time. */
  override pageSize = 50;
}

/** JSON or multipart (with an optional PDF in the field `attachment`). */
export class OpinionDto {
  @ApiProperty({ enum: VERDICTS, description: 'no_adverse 无不良反映 · adverse 有问题 · under_investigation 正在立案调查' })
  @IsIn(VERDICTS, { message: '意见必须是 no_adverse（无不良反映）、adverse（有问题）或 under_investigation（正在立案调查）之一' })
  verdict: ConsultationVerdict;

  /** Required unless the verdict is no_adverse. */
  @ApiPropertyOptional({ description: '有问题或正在立案调查时必填：具体情况' })
  @ValidateIf((o: OpinionDto) => o.verdict !== 'no_adverse' || o.detail !== undefined)
  @Text(4000)
  detail?: string;
}

export class CorrectionDto extends OpinionDto {
  @ApiProperty({ description: '更正理由' })
  @Text(1000)
  reason: string;
}

export class ListLettersQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '必须是有效的 UUID' })
  selectionId?: string;

  /** The screens of this list show 50 rows at a time. */
  override pageSize = 50;
}
