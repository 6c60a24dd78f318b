import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Instant, Text, ValidateUUID } from '@app/common';
import { CHECK_ITEMS, TALK_CATEGORIES, type CheckItem, type TalkCategory } from '@app/rulebook';

const Count = () => applyDecorators(IsInt({ message: '必须是整数' }), Min(0, { message: '不能为负数' }), Max(100000));

export class InterviewDto {
  @ApiProperty({ enum: TALK_CATEGORIES, description: 'seven_talks.* 的后缀' })
  @IsIn(TALK_CATEGORIES, { message: `谈话类别必须是 ${TALK_CATEGORIES.join(', ')} 之一` })
  category: TalkCategory;

  @ApiProperty()
  @Text(50)
  intervieweeName: string;

  @ApiProperty()
  @Text(100)
  intervieweePost: string;

  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty()
  @Text(20000)
  summary: string;
}

export class CheckDto {
  @ApiProperty({ enum: CHECK_ITEMS, description: 'six_checks.* 的后缀' })
  @IsIn(CHECK_ITEMS, { message: `查核事项必须是 ${CHECK_ITEMS.join(', ')} 之一` })
  item: CheckItem;

  @ApiProperty()
  @Text(20000)
  finding: string;

  @ApiProperty({ description: '查核依据（材料、来源）' })
  @Text(4000)
  evidence: string;
}

export class EvaluationDto {
  @ApiProperty()
  @Instant()
  heldAt: string;

  @ApiProperty()
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '至少 1 人' })
  @Max(100000)
  participants: number;

  @ApiProperty()
  @Count()
  excellent: number;

  @ApiProperty()
  @Count()
  competent: number;

  @ApiProperty()
  @Count()
  basicallyCompetent: number;

  @ApiProperty()
  @Count()
  incompetent: number;
}

export class ExtendedInspectionDto {
  @ApiProperty()
  @ValidateUUID()
  unitId: string;

  @ApiProperty()
  @Text(20000)
  summary: string;
}

export class PersonalMattersDto {
  @ApiProperty()
  @Text(20000)
  finding: string;
}
