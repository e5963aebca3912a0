/** 身份证号 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence (odd for men), 1 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

export function makeIdNumber(area: string, birthDate: string, sequence: number): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export interface IdNumberFacts {
  idNumber: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
}

/** Normalises (lowercase x accepted) and checks shape, a real past birth date and the check character; null if invalid. */
export function parseIdNumber(raw: string, today = new Date()): IdNumberFacts | null {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return null;
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return null;
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return null;
  if (y < 1900 || birth.getTime() > today.getTime()) return null;
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { idNumber, birthDate, sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}
