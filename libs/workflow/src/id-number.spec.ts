import { idNumberCheckChar, idNumberProblem, normalizeIdNumber } from './id-number';

describe('idNumberProblem', () => {
  it('should accept a number when its check character is right', () => {
    // The GB 11643 worked example.
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('should refuse a number when the check character is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toMatch(/校验位/);
  });

  it('should refuse a number when the length or characters are wrong', () => {
    expect(idNumberProblem('1101051949123100')).toMatch(/18位/);
    expect(idNumberProblem('11010519491231002Y')).toMatch(/18位/);
  });

  it('should refuse a number when the embedded birth date does not exist', () => {
    const first17 = '11010519490231002';
    expect(idNumberProblem(`${first17}${idNumberCheckChar(first17)}`)).toMatch(/出生日期/);
  });

  it('should upper-case a trailing x when normalizing', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
