import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CalendarDate, Optional, Text, ValidateUUID, PageQueryDto } from '@app/common';
import type { Gender } from '@app/cases';

export class CadrePostDto {
  @ApiProperty()
  @ValidateUUID()
  unitId: string;

  @ApiProperty({ example: '副镇长' })
  @Text(100)
  title: string;

  @ApiProperty({ example: '2018-03-01' })
  @CalendarDate()
  from: string;

  @ApiPropertyOptional({ example: '2021-06-30' })
  @Optional({ nullable: true })
  @CalendarDate()
  to?: string | null;
}

export class CreateCadreDto {
  @ApiProperty({ example: '王建国' })
  @Text(50)
  name: string;

  @ApiProperty({ enum: ['male', 'female'] })
  @IsIn(['male', 'female'], { message: '性别必须是 male 或 female' })
  gender: Gender;

  @ApiProperty({ example: '1980-05-12' })
  @CalendarDate()
  birthDate: string;

  @ApiProperty({ description: '18 位居民身份证号码' })
  @IsString({ message: '必须是文本' })
  @MaxLength(32)
  idNumber: string;

  @ApiPropertyOptional({ example: '汉族' })
  @Optional()
  @Text(30)
  ethnicity?: string;

  @ApiPropertyOptional({ example: '大学本科' })
  @Optional()
  @Text(50)
  education?: string;

  @ApiProperty({ example: '城关镇党委副书记' })
  @Text(100)
  currentPost: string;

  @ApiProperty()
  @ValidateUUID()
  unitId: string;

  @ApiPropertyOptional({ description: '居住地社区：征求意见时只征求该社区' })
  @Optional({ nullable: true })
  @ValidateUUID()
  communityUnitId?: string | null;

  @ApiProperty({ type: [CadrePostDto] })
  @IsArray({ message: '必须是数组' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CadrePostDto)
  posts: CadrePostDto[];
}

export class CadreQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按姓名查找' })
  @Optional()
  @IsString()
  @MaxLength(50)
  q?: string;
}
