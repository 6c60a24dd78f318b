import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import { CorrectionDto, ListConsultationsQueryDto, ListLettersQueryDto, OpinionDto } from './consultations.dto';
import { ConsultationsService, MAX_ATTACHMENT_BYTES, type UploadedPdf } from './consultations.service';
import { ConsultationLettersService } from './letters.service';

/**
 * Multer keeps the upload in memory (it goes to Postgres) and stops reading past the limit;
 * file names are UTF-8 (Chinese names), not multer's latin1 default.
 */
const upload = FileInterceptor('attachment', {
  storage: memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 },
  defParamCharset: 'utf8',
});

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly letters: ConsultationLettersService,
  ) {}

  @Roles('org_admin', 'unit_respondent')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListConsultationsQueryDto) {
    return this.consultations.list(user, q);
  }

  /** Before `:id`: the unit's 征求意见函 with their sealed documents (PDF at GET /documents/:id/pdf). */
  @Roles('org_admin', 'unit_respondent')
  @Get('letters')
  listLetters(@CurrentUser() user: AuthUser, @Query() q: ListLettersQueryDto) {
    return this.letters.list(user, q);
  }

  @Roles('org_admin', 'unit_respondent')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.get(user, id);
  }

  @Roles('unit_respondent')
  @Post(':id/opinion')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(upload)
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OpinionDto,
    @UploadedFile() attachment?: UploadedPdf,
  ) {
    return this.consultations.answer(user, id, dto, attachment);
  }

  @Roles('unit_respondent')
  @Post(':id/correction')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(upload)
  correct(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CorrectionDto,
    @UploadedFile() attachment?: UploadedPdf,
  ) {
    return this.consultations.correct(user, id, dto, attachment);
  }

  @Roles('org_admin')
  @Post(':id/resend')
  @HttpCode(200)
  resend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.resend(user, id);
  }

  @Roles('org_admin', 'unit_respondent')
  @Get(':id/opinions/:opinionId/attachment')
  async attachment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('opinionId', ParseUUIDPipe) opinionId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.consultations.attachment(user, id, opinionId);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.setHeader('x-content-sha256', file.sha256);
    res.send(file.content);
  }
}
