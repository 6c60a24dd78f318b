import { Controller, Get, HttpCode, Param, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { Public, PublicThrottlerGuard } from '@app/common';
import { DocumentRegistryService, MAX_VERIFY_UPLOAD_BYTES, type UploadedFile as Upload } from './document-registry.service';

/** Multer keeps the upload in memory and stops reading one byte past the limit. */
const upload = FileInterceptor('file', {
  storage: memoryStorage(),
  limits: { fileSize: MAX_VERIFY_UPLOAD_BYTES, files: 1, fields: 0 },
});

/** Anyone holding a paper or a PDF can check it was really issued (and not altered). */
@ApiTags('public')
@Public()
@UseGuards(PublicThrottlerGuard)
@Controller('public/verify')
export class PublicVerifyController {
  constructor(private readonly registry: DocumentRegistryService) {}

  @Get(':code')
  byCode(@Param('code') code: string) {
    return this.registry.verifyCode(code);
  }

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(upload)
  byBytes(@UploadedFile() file?: Upload) {
    return this.registry.verifyBytes(file);
  }
}
