import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDateString, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

/** A required UUID field. */
export const ValidateUUID = () => IsUUID('all', { message: '必须是有效的 UUID' });

/** Optional field; `nullable` also lets an explicit null through (to clear a value). */
export const Optional = ({ nullable = false }: { nullable?: boolean } = {}) =>
  nullable ? ValidateIf((_obj, v) => v !== undefined && v !== null) : IsOptional();

/** Non-empty trimmed text with a maximum length. */
export const Text = (max: number) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: '必须是文本' }),
    IsNotEmpty({ message: '不能为空' }),
    MaxLength(max, { message: `不能超过 ${max} 个字符` }),
  );

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai). */
export const CalendarDate = () =>
  applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }), IsDateString({ strict: true }, { message: '不是有效日期' }));

/** An ISO 8601 instant. */
export const Instant = () => IsDateString({ strict: true }, { message: '时间格式应为 ISO 8601' });
