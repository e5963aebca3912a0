import type { GraphQLFormattedError } from 'graphql';
import { maskIdNumber, maskPhone } from './mask';

/**
 * Masks anything shaped like a 身份证号 or a mainland mobile number in free text (error messages, log lines), so a
 * full value never reaches a log even when a database error quotes the document it refused.
 */
export function redact(text: string): string {
  return text
    .replace(/(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])/g, (id) => maskIdNumber(id))
    .replace(/(?<![0-9])1[3-9]\d{9}(?![0-9])/g, (phone) => maskPhone(phone));
}

/** Apollo `formatError`: the same error with personal data masked in its message. */
export function redactError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: redact(formatted.message) };
}
