import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import { contentDisposition } from '@app/document-registry';
import { AttendanceService } from './attendance.service';
import { CopiesService } from './copies.service';
import { DashboardService } from './dashboard.service';
import { RecordService } from './record.service';
import { RemarksService } from './remarks.service';
import { AssignSupervisorsDto, AttendanceDto, CandidateRemarkDto, RemarkQueryDto, RemarkTextDto, SelectionRemarkDto, SupervisedSelectionsQueryDto, SupervisorProfileDto } from './supervision.dto';
import { SupervisorsService } from './supervisors.service';

const Id = (name = 'id') => Param(name, new ParseUUIDPipe({ version: undefined }));

function sendPdf(res: Response, file: { pdf: Buffer; filename: string; sha256: string }, extra: Record<string, string> = {}): void {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', contentDisposition(file.filename));
  res.setHeader('x-content-sha256', file.sha256);
  res.setHeader('cache-control', 'private, no-store');
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.send(file.pdf);
}

@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class SupervisionController {
  constructor(
    private readonly supervisors: SupervisorsService,
    private readonly remarks: RemarksService,
    private readonly attendance: AttendanceService,
    private readonly copies: CopiesService,
    private readonly records: RecordService,
    private readonly dashboards: DashboardService,
  ) {}

  // ---- supervisors and their assignments ---------------------------------------------------

  @Roles('org_admin')
  @Get('supervisors')
  list() {
    return this.supervisors.list();
  }

  @Roles('org_admin')
  @Put('supervisors/:id/profile')
  setProfile(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: SupervisorProfileDto) {
    return this.supervisors.setProfile(user, id, dto);
  }

  @Roles('org_admin')
  @Put('selections/:id/supervisors')
  assign(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: AssignSupervisorsDto) {
    return this.supervisors.assign(user, id, dto);
  }

  @Roles('supervisor')
  @Get('supervision/selections')
  mine(@CurrentUser() user: AuthUser, @Query() q: SupervisedSelectionsQueryDto) {
    return this.supervisors.assignedTo(user, q);
  }

  @Roles('supervisor')
  @Get('supervision/candidates/:id/dossier.pdf')
  async dossierCopy(@CurrentUser() user: AuthUser, @Id() id: string, @Res() res: Response): Promise<void> {
    const copy = await this.copies.dossierCopy(user, id);
    sendPdf(res, copy, { 'x-copy-number': String(copy.copyNumber), 'x-document-id': copy.documentId });
  }

  // ---- taking part -------------------------------------------------------------------------

  @Roles('org_admin', 'inspector')
  @Post('selections/:id/supervisor-attendance')
  recordAttendance(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: AttendanceDto) {
    return this.attendance.record(user, id, dto);
  }

  @Roles('org_admin', 'audit_admin', 'supervisor')
  @Get('selections/:id/supervisor-attendance')
  listAttendance(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.attendance.list(user, id);
  }

  // ---- remarks -----------------------------------------------------------------------------

  @Roles('supervisor')
  @Post('candidates/:id/remarks')
  remarkOnCandidate(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: CandidateRemarkDto) {
    return this.remarks.onCandidate(user, id, dto);
  }

  @Roles('supervisor')
  @Post('selections/:id/remarks')
  remarkOnSelection(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: SelectionRemarkDto) {
    return this.remarks.onSelection(user, id, dto);
  }

  @Roles('org_admin', 'audit_admin', 'supervisor')
  @Get('selections/:id/remarks')
  listRemarks(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.remarks.list(user, id);
  }

  @Roles('org_admin', 'audit_admin')
  @Get('remarks')
  remarksPage(@Query() q: RemarkQueryDto) {
    return this.remarks.page(q);
  }

  @Roles('org_admin')
  @Post('remarks/:id/answer')
  @HttpCode(201)
  answer(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: RemarkTextDto) {
    return this.remarks.answer(user, id, dto.content);
  }

  @Roles('supervisor')
  @Post('remarks/:id/follow-up')
  followUp(@CurrentUser() user: AuthUser, @Id() id: string, @Body() dto: RemarkTextDto) {
    return this.remarks.followUp(user, id, dto.content);
  }

  // ---- the documentary record and the dashboard ---------------------------------------------

  @Roles('org_admin', 'audit_admin', 'supervisor')
  @Get('selections/:id/record')
  record(@CurrentUser() user: AuthUser, @Id() id: string) {
    return this.records.record(user, id);
  }

  @Roles('org_admin', 'audit_admin', 'supervisor')
  @Get('selections/:id/record.pdf')
  async recordPdf(@CurrentUser() user: AuthUser, @Id() id: string, @Res() res: Response): Promise<void> {
    const file = await this.records.recordPdf(user, id);
    sendPdf(res, file, { 'x-document-id': file.documentId, 'x-verification-code': file.verificationCode });
  }

  @Roles('org_admin')
  @Get('dashboard')
  dashboard(@CurrentUser() user: AuthUser) {
    return this.dashboards.dashboard(user);
  }
}
