import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Text } from '@app/common';

const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

/** 优点、缺点、结论 as the team writes them; each list item is printed as one numbered paragraph. */
export class AssessmentDto {
  @ApiProperty({ type: [String], description: '主要优点，每条一段' })
  @Transform(trimAll)
  @IsArray({ message: '必须是文本列表' })
  @ArrayMaxSize(20, { message: '最多 20 条' })
  @IsString({ each: true, message: '每一条都必须是文本' })
  @IsNotEmpty({ each: true, message: '每一条都不能为空' })
  @MaxLength(2000, { each: true, message: '每一条不能超过 2000 个字符' })
  strengths: string[];

  @ApiProperty({ type: [String], description: '主要缺点和不足，每条一段' })
  @Transform(trimAll)
  @IsArray({ message: '必须是文本列表' })
  @ArrayMaxSize(20, { message: '最多 20 条' })
  @IsString({ each: true, message: '每一条都必须是文本' })
  @IsNotEmpty({ each: true, message: '每一条都不能为空' })
  @MaxLength(2000, { each: true, message: '每一条不能超过 2000 个字符' })
  shortcomings: string[];

  @ApiProperty({ description: '考察结论' })
  @Text(5000)
  conclusion: string;
}

export class SignOffDto {
  @ApiProperty({ description: '所签署 PDF 的 SHA-256（十六进制）' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: '必须是文本' })
  @Matches(/^[0-9a-f]{64}$/, { message: '必须是 64 位十六进制 SHA-256 摘要' })
  sha256: string;
}
