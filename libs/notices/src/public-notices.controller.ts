import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, Public, PublicThrottlerGuard } from '@app/common';
import type { PublicNoticeView } from './notice.mapper';
import { PublicReportDto } from './notices.dto';
import { NoticesService } from './notices.service';
import { renderNoticeBoard, renderNoticePage, renderReceiptPage, renderReportStatusPage } from './public-html';
import { PublicPageExceptionFilter, ReportBodyLimitGuard, wantsHtml } from './public-http';
import { ReportsService, type PublicReportStatusView, type ReportReceipt } from './reports.service';

const uuid404 = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

/**
 * The public notice board and report intake, without login. JSON by default; HTML for browsers
 * (Accept: text/html, or `?format=html`).
 */
@ApiTags('public')
@Public()
@UseFilters(PublicPageExceptionFilter)
@Controller('public')
export class PublicNoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
  ) {}

  @Get('notices')
  async list(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PublicNoticeView[] | string> {
    const notices = await this.notices.publicList();
    return wantsHtml(req) ? this.html(res, renderNoticeBoard(notices, this.config.NOTICE_ISSUER)) : notices;
  }

  @Get('notices/:id')
  async get(@Param('id', uuid404) id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PublicNoticeView | string> {
    const notice = await this.notices.publicGet(id);
    return wantsHtml(req) ? this.html(res, renderNoticePage(notice, this.config.NOTICE_ISSUER)) : notice;
  }

  /** 30 per minute per client address; body ≤ 16 KB (JSON) / 48 KB (form), else 413. */
  @UseGuards(PublicThrottlerGuard, ReportBodyLimitGuard)
  @Post('notices/:id/reports')
  async report(
    @Param('id', uuid404) id: string,
    @Body() dto: PublicReportDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportReceipt | string> {
    const receipt = await this.reports.receivePublic(id, dto);
    res.status(201);
    return wantsHtml(req) ? this.html(res, renderReceiptPage(receipt, this.config.NOTICE_ISSUER)) : receipt;
  }

  /** The lookup form of the HTML board (GET with `receiptCode` in the query: no JavaScript needed). */
  @UseGuards(PublicThrottlerGuard)
  @Get('reports')
  async lookup(@Query('receiptCode') code: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.status(typeof code === 'string' ? code : '', req, res);
  }

  /** Status only (received, investigating, closed): never the finding. */
  @UseGuards(PublicThrottlerGuard)
  @Get('reports/:receiptCode')
  async byCode(@Param('receiptCode') code: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.status(code, req, res);
  }

  private async status(code: string, req: Request, res: Response): Promise<PublicReportStatusView | string> {
    const status = await this.reports.publicStatus(code);
    return wantsHtml(req) ? this.html(res, renderReportStatusPage(status, this.config.NOTICE_ISSUER)) : status;
  }

  private html(res: Response, body: string): string {
    res.type('html');
    return body;
  }
}
