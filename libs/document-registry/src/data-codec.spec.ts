import { contentDisposition } from './documents.controller';
import { decodeDocumentData, encodeDocumentData } from './data-codec';

describe('document data codec', () => {
  it('should give back equal data with real dates when stored data is decoded', () => {
    const data = {
      meta: { issuedAt: new Date('2026-06-03T08:00:00Z'), verificationCode: 'KCCA2026WX' },
      consultations: [{ unit: 'x', answeredAt: new Date('2026-05-27T03:00:00Z') }, { unit: 'y' }],
      strengths: ['政治素质好'],
      skipped: undefined,
    };
    const stored: unknown = JSON.parse(JSON.stringify(encodeDocumentData(data)));
    const back = decodeDocumentData<typeof data>(stored);
    expect(back.meta.issuedAt).toBeInstanceOf(Date);
    expect(back).toEqual({ meta: data.meta, consultations: data.consultations, strengths: data.strengths });
  });
});

describe('contentDisposition', () => {
  it('should carry an ASCII fallback and the UTF-8 name when the filename is Chinese', () => {
    expect(contentDisposition('考察材料-王鑫珺-第1版（定稿）.pdf')).toBe(
      `attachment; filename="____-___-_1_____.pdf"; filename*=UTF-8''${encodeURIComponent('考察材料-王鑫珺-第1版（定稿）.pdf')}`,
    );
  });
});
