import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import type { NoticeView } from './notice.mapper';
import { CreateNoticeDto, FindingDto, ManualReportDto, ReportPageQueryDto } from './notices.dto';
import { NoticesService } from './notices.service';
import { ReportsService, type FindingResult, type ReportDetailView, type ReportPage, type ReportView } from './reports.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Roles('org_admin')
  @Post('selections/:id/notices')
  create(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateNoticeDto): Promise<NoticeView> {
    return this.notices.create(user, id, dto);
  }

  /** Per access: whoever may see the selection (the notices are public anyway). */
  @Get('selections/:id/notices')
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeView[]> {
    return this.notices.listForSelection(user, id);
  }

  @Get('notices/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeView> {
    return this.notices.get(user, id);
  }
}

/** Reports and reporters' contacts: the organization department only. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('org_admin')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('selections/:id/reports')
  receive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ManualReportDto): Promise<ReportView> {
    return this.reports.receiveManual(user, id, dto);
  }

  @Get('reports')
  list(@Query() query: ReportPageQueryDto): Promise<ReportPage> {
    return this.reports.page(query);
  }

  /** Shows the reporter's contact; the view is audited. */
  @Get('reports/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReportDetailView> {
    return this.reports.getWithContact(user, id);
  }

  @Post('reports/:id/investigating')
  @HttpCode(200)
  investigating(@Param('id', ParseUUIDPipe) id: string): Promise<ReportView> {
    return this.reports.markInvestigating(id);
  }

  @Post('reports/:id/finding')
  @HttpCode(200)
  finding(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FindingDto): Promise<FindingResult> {
    return this.reports.recordFinding(user, id, dto);
  }
}
