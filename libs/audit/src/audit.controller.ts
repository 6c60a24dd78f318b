import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Roles } from '@app/common';
import { AuditService } from './audit.service';

export class AuditEventsQueryDto {
  @IsOptional()
  @IsUUID()
  selectionId?: string;

  @IsOptional()
  @IsString()
  entity?: string;

  @IsOptional()
  @IsString()
  entityId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 100;
}

export class AuditVerifyQueryDto {
  @IsOptional()
  @IsString()
  chain?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles('audit_admin', 'org_admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  events(@Query() q: AuditEventsQueryDto) {
    return this.audit.list(q);
  }

  @Get('verify')
  verify(@Query() q: AuditVerifyQueryDto) {
    return this.audit.verify(q.chain);
  }
}
