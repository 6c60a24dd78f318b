import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dossierDefinition } from './definitions/dossier.definition';
import { createDevCertificate, DEV_CERTIFICATE_SUBJECT, type DevCertificate } from './dev-certificate';
import { DocumentsExceptionCode } from './errors';
import { renderPdf } from './render';
import { sealPdf, type SealOptions } from './seal';
import { certificateSubject, loadSigner, type SigningMaterial } from './signing-key';
import { dossierFixture } from './testing/fixtures';
import { runPoppler } from './testing/poppler';

jest.setTimeout(120_000);

const OPTIONS: SealOptions = {
  reason: '考察材料定稿',
  location: '示范县',
  name: '中共示范县委组织部',
  signingTime: new Date('2026-06-05T09:00:00Z'),
};

interface SigReport {
  valid: boolean;
  total: boolean;
  type?: string;
}

/** pdfsig's verdict per signature, in document order. */
function pdfsig(pdf: Buffer): { out: string; signatures: SigReport[] } {
  const { stdout } = runPoppler('pdfsig', pdf);
  const signatures = stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      valid: /Signature Validation: Signature is Valid\./.test(block),
      total: /- Total document signed/.test(block),
      type: /Signature Type: (\S+)/.exec(block)?.[1],
    }));
  return { out: stdout, signatures };
}

describe('sealPdf', () => {
  let dev: DevCertificate;
  let material: SigningMaterial;
  let dir: string;
  let draft: Buffer;

  beforeAll(async () => {
    dev = await createDevCertificate();
    dir = mkdtempSync(join(tmpdir(), 'kaocha-seal-'));
    writeFileSync(join(dir, 'dev.p12'), dev.p12);
    material = await loadSigner(join(dir, 'dev.p12'), dev.passphrase);
    draft = await renderPdf(dossierDefinition(dossierFixture()));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should carry the Chinese subject encoded as UTF-8 when the dev certificate is created', () => {
    expect(certificateSubject(material.certificate)).toBe(
      `C=CN, O=${DEV_CERTIFICATE_SUBJECT.organization}, CN=${DEV_CERTIFICATE_SUBJECT.commonName}`,
    );
    // UTF8String (tag 0x0c) holding the UTF-8 bytes of the common name.
    const cn = Buffer.from(DEV_CERTIFICATE_SUBJECT.commonName, 'utf8');
    expect(dev.certificateDer.includes(Buffer.concat([Buffer.from([0x0c, cn.length]), cn]))).toBe(true);
  });

  it.each([
    ['cades', 'ETSI.CAdES.detached'],
    ['pkcs7', 'adbe.pkcs7.detached'],
  ] as const)(
    'should be valid and cover the whole document when sealed with the %s profile',
    async (profile, subFilter) => {
      const sealed = await sealPdf(draft, material, { ...OPTIONS, profile });
      const { out, signatures } = pdfsig(sealed);
      expect(signatures).toEqual([{ valid: true, total: true, type: subFilter }]);
      expect(out).toContain(`Signer Certificate Common Name: ${DEV_CERTIFICATE_SUBJECT.commonName}`);
      expect(sealed.subarray(0, draft.length - 1).equals(draft.subarray(0, draft.length - 1))).toBe(true);
    },
  );

  it('should accept the PKCS#12 bytes and passphrase directly when no loaded signer is at hand', async () => {
    const sealed = await sealPdf(draft, { p12: dev.p12, passphrase: dev.passphrase }, OPTIONS);
    expect(pdfsig(sealed).signatures).toEqual([{ valid: true, total: true, type: 'ETSI.CAdES.detached' }]);
  });

  it('should be reported invalid when a signed byte is changed after sealing', async () => {
    const sealed = await sealPdf(draft, material, OPTIONS);
    const tampered = Buffer.from(sealed);
    // The Info dictionary's /Producer (Kaocha) lies in the first signed byte range.
    const at = tampered.indexOf('Kaocha');
    expect(at).toBeGreaterThan(0);
    tampered.write('Kaochx', at, 'latin1');
    const { signatures } = pdfsig(tampered);
    expect(signatures).toHaveLength(1);
    expect(signatures[0].valid).toBe(false);
  });

  it('should report "not total document signed" when bytes are appended after sealing', async () => {
    const sealed = await sealPdf(draft, material, OPTIONS);
    const appended = Buffer.concat([sealed, Buffer.from('\n% appended after sealing\n')]);
    expect(pdfsig(appended).signatures[0]).toMatchObject({ valid: true, total: false });
  });

  it('should keep the first signature valid when a second one is added incrementally', async () => {
    const once = await sealPdf(draft, material, OPTIONS);
    const twice = await sealPdf(once, material, {
      ...OPTIONS,
      reason: '复核',
      signingTime: new Date('2026-06-06T01:00:00Z'),
    });
    const { signatures } = pdfsig(twice);
    expect(signatures).toEqual([
      { valid: true, total: false, type: 'ETSI.CAdES.detached' },
      { valid: true, total: true, type: 'ETSI.CAdES.detached' },
    ]);
  });
});

describe('loadSigner', () => {
  it('should throw SIGNING_KEY_MISSING when the file does not exist', async () => {
    await expect(loadSigner('/nonexistent/dev-signing.p12', 'kaocha-dev')).rejects.toMatchObject({
      code: DocumentsExceptionCode.SIGNING_KEY_MISSING,
      message: expect.stringContaining('/nonexistent/dev-signing.p12'),
    });
  });

  it('should throw SIGNING_KEY_MISSING when no path is configured', async () => {
    await expect(loadSigner(undefined, 'kaocha-dev')).rejects.toMatchObject({
      code: DocumentsExceptionCode.SIGNING_KEY_MISSING,
    });
  });

  describe('with a file on disk', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'kaocha-p12-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should throw SIGNING_KEY_UNREADABLE when the passphrase is wrong', async () => {
      const dev = await createDevCertificate({ passphrase: 'right-one' });
      const path = join(dir, 'key.p12');
      writeFileSync(path, dev.p12);
      await expect(loadSigner(path, 'wrong-one')).rejects.toMatchObject({
        code: DocumentsExceptionCode.SIGNING_KEY_UNREADABLE,
        message: expect.stringContaining('wrong passphrase'),
      });
    });

    it('should throw SIGNING_KEY_UNREADABLE when the file is not a PKCS#12', async () => {
      const path = join(dir, 'garbage.p12');
      writeFileSync(path, 'not a pkcs12 file');
      await expect(loadSigner(path, 'kaocha-dev')).rejects.toMatchObject({
        code: DocumentsExceptionCode.SIGNING_KEY_UNREADABLE,
      });
    });
  });
});
