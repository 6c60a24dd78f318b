import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from './decorators';

/**
 * `?page=&pageSize=` of every paginated list. A list whose screens want another page size sets
 * only the default (`override pageSize = 50`); the rules stay these.
 */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '不能小于 1' })
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: '必须是整数' })
  @Min(1, { message: '不能小于 1' })
  @Max(200, { message: '不能超过 200' })
  pageSize = 20;
}
