/**
 * Error codes of the documents context. Stable upper-case strings: the API maps them to HTTP
 * statuses and clients may switch on them.
 */
export enum DocumentsExceptionCode {
  /** The PKCS#12 file configured for sealing does not exist (or the path is empty). */
  SIGNING_KEY_MISSING = 'SIGNING_KEY_MISSING',
  /** The PKCS#12 exists but cannot be opened: wrong passphrase, corrupt file, or no key/cert. */
  SIGNING_KEY_UNREADABLE = 'SIGNING_KEY_UNREADABLE',
  /** pdfmake failed on a definition (bad node, blocked resource). A programming error. */
  RENDER_FAILED = 'RENDER_FAILED',
  /** The PDF could not be sealed (no room for the signature, unparsable PDF). */
  SEAL_FAILED = 'SEAL_FAILED',
  /** A verification code does not have the expected shape. */
  INVALID_VERIFICATION_CODE = 'INVALID_VERIFICATION_CODE',
}

export class DocumentsException extends Error {
  constructor(
    readonly code: DocumentsExceptionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocumentsException';
  }
}
