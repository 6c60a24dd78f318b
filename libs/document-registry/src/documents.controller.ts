import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import { DocumentRegistryService } from './document-registry.service';
import { AssessmentDto, SignOffDto } from './documents.dto';

/** RFC 5987: an ASCII fallback for old clients and the UTF-8 name for everyone else. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const VIEWERS = ['org_admin', 'inspector', 'supervisor', 'audit_admin'] as const;

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly registry: DocumentRegistryService) {}

  @Roles('org_admin', 'inspector')
  @Post('candidates/:id/dossier')
  @HttpCode(202)
  requestDossier(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.registry.requestDossier(user, id);
  }

  @Roles('org_admin', 'inspector')
  @Put('candidates/:id/assessment')
  setAssessment(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssessmentDto) {
    return this.registry.setAssessment(user, id, dto);
  }

  @Roles(...VIEWERS)
  @Get('candidates/:id/assessment')
  getAssessment(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.registry.getAssessment(user, id);
  }

  @Roles(...VIEWERS)
  @Get('candidates/:id/documents')
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.registry.listForCandidate(user, id);
  }

  @Roles(...VIEWERS)
  @Get('selections/:id/documents')
  listForSelection(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.registry.listForSelection(user, id);
  }

  // A unit's respondent may read the 征求意见函 addressed to their unit, nothing else (checked per document).
  @Roles(...VIEWERS, 'unit_respondent')
  @Get('documents/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.registry.get(user, id);
  }

  @Roles(...VIEWERS, 'unit_respondent')
  @Get('documents/:id/pdf')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const file = await this.registry.pdf(user, id);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', contentDisposition(file.filename));
    res.setHeader('x-content-sha256', file.sha256);
    res.setHeader('cache-control', 'private, no-store');
    res.send(file.pdf);
  }

  @Roles('inspector')
  @Post('documents/:id/sign-offs')
  signOff(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SignOffDto) {
    return this.registry.signOff(user, id, dto.sha256);
  }
}
