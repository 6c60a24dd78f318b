import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { DocumentsException, DocumentsExceptionCode, loadSigner, type SigningMaterial } from '@app/documents';

/** Reasons shown on a failed document; Chinese, because the people who read them are users. */
export function sealingFailureReason(error: unknown): string {
  if (error instanceof DocumentsException) {
    if (error.code === DocumentsExceptionCode.SIGNING_KEY_MISSING) return `签章证书缺失：${error.message}`;
    if (error.code === DocumentsExceptionCode.SIGNING_KEY_UNREADABLE) return `签章证书无法读取（口令错误或文件损坏）：${error.message}`;
    if (error.code === DocumentsExceptionCode.SEAL_FAILED) return `签章失败：${error.message}`;
    if (error.code === DocumentsExceptionCode.RENDER_FAILED) return `文档生成失败：${error.message}`;
  }
  return `文档生成失败：${(error as Error)?.message ?? String(error)}`;
}

export function isSigningKeyError(error: unknown): boolean {
  return (
    error instanceof DocumentsException &&
    (error.code === DocumentsExceptionCode.SIGNING_KEY_MISSING || error.code === DocumentsExceptionCode.SIGNING_KEY_UNREADABLE)
  );
}

/**
 * The organization department's sealing key (SIGNING_P12_PATH / SIGNING_P12_PASSPHRASE). Loaded
 * once and kept; a failed load is retried at the next seal, so fixing the file needs no restart.
 * The worker does not refuse to start without it: notices and drafts need no seal, and a seal job
 * fails with the reason on the document instead of leaving it in `rendering`.
 */
@Injectable()
export class SealingKey {
  private readonly logger = new Logger(SealingKey.name);
  private material?: Promise<SigningMaterial>;

  constructor(private readonly config: AppConfig) {}

  /** Called at worker start-up: one loud sentence when the key cannot be used. */
  async check(): Promise<boolean> {
    try {
      await this.get();
      return true;
    } catch (error) {
      this.logger.error(
        `Documents cannot be sealed: ${(error as Error).message}. Final dossiers and notices will fail until SIGNING_P12_PATH/SIGNING_P12_PASSPHRASE point to a readable PKCS#12.`,
      );
      return false;
    }
  }

  get(): Promise<SigningMaterial> {
    if (!this.material) {
      const loading = loadSigner(this.config.SIGNING_P12_PATH, this.config.SIGNING_P12_PASSPHRASE ?? '');
      this.material = loading;
      loading.catch(() => {
        if (this.material === loading) this.material = undefined;
      });
    }
    return this.material;
  }
}
