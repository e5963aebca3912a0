import type { GraphQLFormattedError } from 'graphql';
import { maskIdNumber, maskPhone } from './mask';

/**
 * Masks anything shaped like a 身份证号 or a mainland mobile number in free text (error messages, log lines), so a
 * full value never reaches a log even when a database error quotes the document it refused.
 */
export const FULL_ID_NUMBER = /(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])/g;
export const FULL_PHONE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

export function redact(text: string): string {
  return text.replace(FULL_ID_NUMBER, (id) => maskIdNumber(id)).replace(FULL_PHONE, (phone) => maskPhone(phone));
}

const redactDeep = (value: unknown): unknown =>
  typeof value === 'string'
    ? redact(value)
    : Array.isArray(value)
      ? value.map(redactDeep)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]))
        : value;

/** Apollo `formatError`: the same error with personal data masked in its message and extensions (stack traces too). */
export function redactError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: redact(formatted.message), ...(formatted.extensions ? { extensions: redactDeep(formatted.extensions) as Record<string, unknown> } : {}) };
}
