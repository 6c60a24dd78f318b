import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { Instant, Optional, Text, ValidateUUID } from '@app/common';
import type { BallotChoice, VoteMode } from '../entities/vote.entity';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `recused`: true (every candidate on the agenda) or the ids of the candidates concerned. */
function IsRecusal(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRecusal',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'boolean' ||
          (Array.isArray(value) && value.length <= 200 && value.every((v) => typeof v === 'string' && UUID_RE.test(v))),
        defaultMessage: () => '回避须为布尔值或人选 id 数组',
      },
    },
    options,
  );
}

export class VoteMemberDto {
  @ApiPropertyOptional({ description: '电子票决时必填（常委账号）' })
  @Optional()
  @ValidateUUID()
  userId?: string;

  @ApiProperty()
  @Text(50)
  name: string;

  @ApiProperty()
  @IsBoolean({ message: '必须是布尔值' })
  present: boolean;

  @ApiPropertyOptional({ description: 'true 表示对全部人选回避，或给出回避的人选 id' })
  @Optional()
  @IsRecusal()
  recused?: boolean | string[];

  @ApiPropertyOptional()
  @Optional()
  @Text(200)
  absentReason?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: '必须是布尔值' })
  isSecretary?: boolean;
}

export class VoteTallyDto {
  @ApiProperty()
  @ValidateUUID()
  candidateId: string;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(0)
  @Max(1000)
  agree: number;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(0)
  @Max(1000)
  disagree: number;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(0)
  @Max(1000)
  defer: number;
}

export class CreateVoteDto {
  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty({ enum: ['tally', 'electronic'] })
  @IsIn(['tally', 'electronic'], { message: '方式必须是 tally 或 electronic' })
  mode: VoteMode;

  @ApiProperty({ type: [VoteMemberDto] })
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1, { message: '至少一名应到会成员' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => VoteMemberDto)
  members: VoteMemberDto[];

  @ApiPropertyOptional({ type: [VoteTallyDto], description: 'tally 方式必填' })
  @Optional()
  @IsArray({ message: '必须是数组' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => VoteTallyDto)
  tallies?: VoteTallyDto[];

  @ApiPropertyOptional({ description: '电子票决的议程；默认为酝酿名单（或上一轮并列的人选）' })
  @Optional()
  @IsArray({ message: '必须是数组' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique({ message: '人选不能重复' })
  @IsUUID('all', { each: true, message: '必须是有效的 UUID' })
  candidateIds?: string[];
}

export class BallotDto {
  @ApiProperty()
  @ValidateUUID()
  candidateId: string;

  @ApiProperty({ enum: ['agree', 'disagree', 'defer'] })
  @IsIn(['agree', 'disagree', 'defer'], { message: '表决意见必须是 agree、disagree 或 defer' })
  choice: BallotChoice;
}
