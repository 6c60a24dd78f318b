import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ConsultationAttachmentEntity,
  ConsultationDeliveryEntity,
  ConsultationLetterEntity,
  ConsultationOpinionEntity,
  ConsultationRequestEntity,
} from './consultation.entities';
import { ConsultationJobs } from './consultation-jobs';
import { Mailer } from './channels';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { LetterDocuments } from './letter-documents';
import { ConsultationLettersService } from './letters.service';

/**
 * 六征求 in both processes: the API serves the inbox and answers; the worker delivers, reminds
 * and escalates. Both register the listener and the evidence provider with the case spine.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ConsultationLetterEntity,
      ConsultationRequestEntity,
      ConsultationDeliveryEntity,
      ConsultationOpinionEntity,
      ConsultationAttachmentEntity,
    ]),
  ],
  controllers: [ConsultationsController],
  providers: [ConsultationsService, ConsultationLettersService, LetterDocuments, ConsultationJobs, Mailer],
  exports: [ConsultationsService, ConsultationLettersService, LetterDocuments],
})
export class ConsultationsModule {}
