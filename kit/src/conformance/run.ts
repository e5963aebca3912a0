import type { Answer } from './client';
import { DepartmentClient } from './client';
import { checkHealth, checkSchema, checkSigning, discoverIds, identityFor } from './checks';
import { checkEntities, checkMasking, checkRootAccess } from './checks-data';
import type { ServiceDefinition } from './composition';
import { fail, pass, type CheckResult, type DepartmentModel } from './model';

const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const PHONE = /(?<![\dA-Za-z])1\d{10}(?![\dA-Za-z])/;

/** Bad input the department must answer with a typed error that does not echo personal data. */
async function probeBadInput(client: DepartmentClient, model: DepartmentModel): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const type = model.entities[0];
  if (type) {
    const answer = await client.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`,
      { r: [{ __typename: type, id: '11010519900101002X' }] },
      identityFor(client, model.policy.get(type)?.rule),
    );
    const typed = (answer.body?.errors ?? []).some((e) => e.extensions?.code);
    results.push(
      typed
        ? pass('malformed key → typed error', String(answer.body!.errors![0]!.extensions!.code))
        : fail(
            'malformed key → typed error',
            JSON.stringify(answer.body).slice(0, 160),
            `refuse an ${type} representation whose id is not a 24-hex id with extensions.code BAD_USER_INPUT`,
          ),
    );
  }
  const unknown = await client.query('{ conformanceNoSuchField }', undefined, client.identity('DEPARTMENT_CLERK'));
  const code = unknown.body?.errors?.[0]?.extensions?.code;
  results.push(
    code
      ? pass('unknown field → typed error', String(code))
      : fail('unknown field → typed error', JSON.stringify(unknown.body).slice(0, 160), 'answer GraphQL validation errors with extensions.code (GRAPHQL_VALIDATION_FAILED)'),
  );
  return results;
}

/** Over every answer of the run: each error carries a code, and none quotes an ID number or a phone number. */
function checkErrors(answers: Answer[]): CheckResult[] {
  const errors = answers.flatMap((a) => a.body?.errors ?? []);
  const untyped = errors.filter((e) => typeof e.extensions?.code !== 'string').map((e) => e.message);
  const leaking = errors.map((e) => JSON.stringify({ message: e.message, extensions: e.extensions })).filter((text) => ID_NUMBER.test(text) || PHONE.test(text));
  return [
    untyped.length
      ? fail(
          'every error has extensions.code',
          [...new Set(untyped)].slice(0, 5).join('\n      '),
          'give every error a code: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, CONFLICT, DATABASE_UNAVAILABLE, DEPENDENCY_UNAVAILABLE (docs/department-protocol.md §5)',
        )
      : pass('every error has extensions.code', `${errors.length} errors seen`),
    leaking.length
      ? fail(
          'no ID numbers or phone numbers in errors',
          leaking.slice(0, 3).join('\n      '),
          'never quote input or stored values in messages; redact 18-character ID numbers and 11-digit phones',
        )
      : pass('no ID numbers or phone numbers in errors', `${errors.length} errors scanned`),
  ];
}

export interface ConformanceOptions {
  url: string;
  name: string;
  /** The departments to compose with: this repository's (repositoryServices) or a registry's current set (registryServices). */
  current: ServiceDefinition[];
  log?: (result: CheckResult) => void;
}

/** Runs every check in order, reporting each as it finishes; later checks need the SDL, so they stop without it. */
export async function runConformance({ url, name, current, log = () => undefined }: ConformanceOptions): Promise<CheckResult[]> {
  const client = new DepartmentClient(url, name);
  const results: CheckResult[] = [];
  const add = (list: CheckResult[]) => list.forEach((r) => (results.push(r), log(r)));
  const guarded = async (what: string, run: () => Promise<CheckResult[]>) => {
    try {
      add(await run());
    } catch (error) {
      add([fail(what, (error as Error).message, `make ${url} reachable and answering JSON`)]);
    }
  };
  await guarded('health', () => checkHealth(client));
  await guarded('signing', () => checkSigning(client));
  let model: DepartmentModel | undefined;
  await guarded('schema', async () => {
    const schema = await checkSchema(client, current);
    model = schema.model;
    return schema.results;
  });
  if (model) {
    const m = model;
    const ids = new Map<string, string[]>();
    await guarded('listing ids', async () => {
      for (const type of m.entities) ids.set(type, await discoverIds(client, m, type));
      return [];
    });
    await guarded('_entities', () => checkEntities(client, m, ids));
    await guarded('root access', () => checkRootAccess(client, m));
    await guarded('masking', () => checkMasking(client, m, ids));
    await guarded('bad input', () => probeBadInput(client, m));
  }
  add(checkErrors(client.answers));
  return results;
}

export function formatResult(result: CheckResult): string {
  const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[result.outcome];
  return `${mark}  ${result.name} — ${result.detail}${result.fix ? `\n      fix: ${result.fix}` : ''}`;
}
