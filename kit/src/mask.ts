/**
 * Server-side de-identification (PIPL): what leaves a department when the caller is not entitled to the full value.
 * 身份证号 `110105199001010021` → `110105********0021`; phone `13812341234` → `138****1234`; name `张三丰` → `张**`.
 */
export const maskIdNumber = (id: string): string => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length));
export const maskPhone = (phone: string): string => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length));
export const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
};
