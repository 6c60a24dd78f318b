import * as asn1js from 'asn1js';
import { certificateSerial } from './dev-certificate';

/** DER minimal INTEGER content: no leading 0x00 unless the next byte has its high bit set. */
const isMinimalPositive = (b: Buffer) => b[0] < 0x80 && !(b[0] === 0x00 && b.length > 1 && b[1] < 0x80);

describe('certificateSerial', () => {
  it.each([
    ['a leading zero before a low byte (the case node-forge re-encodes)', [0x00, 0x10, 0xaa, 0xbb]],
    ['a leading byte with the high bit set', [0xff, 0x01, 0x02, 0x03]],
    ['a leading 0x80', [0x80, 0x00, 0x00, 0x01]],
    ['an ordinary positive serial', [0x3c, 0x99, 0x10, 0x00]],
  ])('should give a positive, minimal DER integer when the random bytes have %s', (_name, bytes) => {
    const serial = certificateSerial(Buffer.from(bytes));
    expect(serial).toHaveLength(bytes.length);
    expect(isMinimalPositive(serial)).toBe(true);
    // What an encoder produces from it is exactly these bytes: nothing to re-encode differently.
    const der = Buffer.from(new asn1js.Integer({ valueHex: serial }).toBER(false));
    expect(der.subarray(2)).toEqual(serial);
  });

  it('should not modify the random bytes it was given', () => {
    const random = Buffer.from([0x00, 0x01]);
    certificateSerial(random);
    expect([...random]).toEqual([0x00, 0x01]);
  });
});
