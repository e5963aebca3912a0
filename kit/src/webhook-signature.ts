import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signature (docs/webhooks.md): `X-CG-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp inside the signed text lets a receiver refuse old replays; comparing in constant time keeps the
 * secret from leaking through timing. The same scheme as Stripe's, so receivers can reuse known code.
 */
export const SIGNATURE_HEADER = 'x-cg-signature';

export function signWebhook(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** True when `header` signs `body` with `secret` and its timestamp is within `toleranceS` of now. */
export function verifyWebhook(secret: string, body: string, header: string | null | undefined, { toleranceS = 300, now = new Date() } = {}): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
