import { Injectable } from '@nestjs/common';

/** One issued (or issuing) 征求意见函 document of a letter. */
export interface LetterDocumentRef {
  documentId: string;
  version: number;
  status: string;
  statusLabel: string;
  sha256: string | null;
  verificationCode: string;
  issuedAt: Date;
}

/** The sealed PDF of a letter, to attach to an email. */
export interface LetterPdf {
  documentId: string;
  filename: string;
  pdf: Buffer;
  verificationCode: string;
}

/** What the document registry offers about letters (it imports this module; this module cannot import it). */
export interface LetterDocumentSource {
  /** Per letter id: its documents, newest version first (letters without any are absent). */
  documents(letterIds: string[]): Promise<Map<string, LetterDocumentRef[]>>;
  /** The newest issued document of the letter that lists this request; null while none is ready. */
  pdfFor(letterId: string, requestId: string): Promise<LetterPdf | null>;
}

/**
 * The printed letters live in the document registry, which depends on this module. It registers
 * itself here at start-up (API and worker), so deliveries and the inbox can reach the PDFs
 * without a dependency cycle. Without a registered source there are simply no documents.
 */
@Injectable()
export class LetterDocuments {
  private source?: LetterDocumentSource;

  register(source: LetterDocumentSource): void {
    this.source = source;
  }

  async documents(letterIds: string[]): Promise<Map<string, LetterDocumentRef[]>> {
    if (!this.source || letterIds.length === 0) return new Map();
    return this.source.documents(letterIds);
  }

  async pdfFor(letterId: string, requestId: string): Promise<LetterPdf | null> {
    return this.source ? this.source.pdfFor(letterId, requestId) : null;
  }
}
