/**
 * `npm run mint-token -- <role> [--purpose CASE_HANDLING] [--ttl 8h] [--contract property-partner]`: a development token for a demo role, signed
 * with the development key pair the gateway trusts under `npm start` (.data/dev-jwt-keys.json). Roles: see DEMO_IDENTITIES.
 * `--contract`: the token works only on /graphql/<contract> (schema/contracts/).
 */
import { DEMO_IDENTITIES, mintDevToken } from '../gateway/src/auth';

async function main() {
  const [role, ...rest] = process.argv.slice(2);
  const option = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const identity = role ? DEMO_IDENTITIES[role] : undefined;
  if (!identity) {
    console.error(`usage: npm run mint-token -- <role> [--purpose PURPOSE] [--ttl 8h] [--contract NAME]\nroles: ${Object.keys(DEMO_IDENTITIES).join(', ')}`);
    process.exit(2);
  }
  console.log(await mintDevToken({ ...identity, purpose: option('purpose') }, { expiresIn: option('ttl') ?? '8h', issuer: process.env.AUTH_ISSUER, contract: option('contract') }));
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
