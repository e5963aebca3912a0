import { getNamedType, isNonNullType, isScalarType, type GraphQLField } from 'graphql';
import { decide, effectiveRule, maskValue, PURPOSES, ROLES, type Decision } from '../auth/policy';
import type { Identity } from '../identity';
import type { Answer, DepartmentClient } from './client';
import { identityFor, MISSING_ID } from './checks';
import { fail, leafFields, minimalSelection, pass, skip, type CheckResult, type DepartmentModel } from './model';

const ENTITIES = (types: string[], fields = 'id') =>
  `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${types.map((t) => `... on ${t} { ${fields} }`).join(' ')} } }`;
const codes = (answer: Answer, at?: string | number) => (answer.body?.errors ?? []).filter((e) => at === undefined || e.path?.includes(at)).map((e) => e.extensions?.code);

/** `_entities` per key: results in the order of the representations, null for a miss, several in one call. */
export async function checkEntities(client: DepartmentClient, model: DepartmentModel, ids: Map<string, string[]>): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const mixed: Array<{ __typename: string; id: string }> = [];
  for (const type of model.entities) {
    const name = `_entities for ${type}`;
    const identity = identityFor(client, model.policy.get(type)?.rule);
    if (!identity) {
      results.push(skip(name, 'no role may read this type'));
      continue;
    }
    const known = ids.get(type) ?? [];
    // Found ids in reverse of the order listed, a miss in between: a service that answers in database order, or
    // drops misses, gets them wrong.
    const wanted = known.length ? [...known].reverse() : ['000000000000000000000001', '000000000000000000000002'];
    const reps = [wanted[0]!, MISSING_ID, ...wanted.slice(1)].map((id) => ({ __typename: type, id }));
    mixed.push(...reps.slice(0, 2));
    const answer = await client.query(ENTITIES([type]), { r: reps }, identity);
    const got = answer.body?.data?._entities as Array<{ id?: string } | null> | undefined;
    const expected = reps.map((r) => (r.id === MISSING_ID || !known.length ? null : r.id));
    const actual = got?.map((g) => g?.id ?? null);
    const ok =
      Array.isArray(got) &&
      got.length === reps.length &&
      (known.length ? JSON.stringify(actual) === JSON.stringify(expected) : actual!.every((id, i) => id === null || id === reps[i]!.id)) &&
      !answer.body?.errors?.length;
    const detail = known.length
      ? `${reps.length} keys in one call (${known.length} found by listing, 1 miss)`
      : `${reps.length} unknown keys (no ids to list: an extended entity; results null or the key itself)`;
    results.push(
      ok
        ? pass(name, detail)
        : fail(
            name,
            `asked [${reps.map((r) => r.id).join(', ')}], got ${JSON.stringify(actual ?? answer.body).slice(0, 200)}`,
            'answer one result per representation, in the order given, null for an id you do not have (do not sort or drop); batch the lookup but map results back by key',
          ),
    );
  }
  if (mixed.length > 2) {
    const answer = await client.query(ENTITIES([...new Set(mixed.map((m) => m.__typename))]), { r: mixed }, client.identity('DEPARTMENT_CLERK'));
    const got = answer.body?.data?._entities as Array<{ __typename?: string } | null> | undefined;
    const ok = Array.isArray(got) && got.length === mixed.length && got.every((g, i) => g === null || g.__typename === mixed[i]!.__typename);
    results.push(
      ok
        ? pass('_entities of several types in one call', `${mixed.length} representations`)
        : fail('_entities of several types in one call', JSON.stringify(answer.body).slice(0, 200), 'answer a mixed list of representations in order, each by its own type'),
    );
  }
  return results;
}

const argumentValue = (field: GraphQLField<unknown, unknown>) => {
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const named = getNamedType(arg.type);
    if (!isScalarType(named) || !['ID', 'String'].includes(named.name)) return null;
    args.push(`${arg.name}: "${MISSING_ID}"`);
  }
  return args.length ? `(${args.join(', ')})` : '';
};

/** Every Query field: anonymous → UNAUTHENTICATED, a role its rule leaves out → FORBIDDEN, an allowed one → neither. */
export async function checkRootAccess(client: DepartmentClient, model: DepartmentModel): Promise<CheckResult[]> {
  const problems: Record<'anonymous' | 'forbidden' | 'allowed', string[]> = { anonymous: [], forbidden: [], allowed: [] };
  let tried = 0;
  for (const field of Object.values(model.schema.getQueryType()?.getFields() ?? {})) {
    const args = argumentValue(field);
    if (field.name.startsWith('_') || args === null) continue;
    tried++;
    const rule = effectiveRule(model.policy, 'Query', field.name);
    const query = `{ ${field.name}${args}${minimalSelection(field.type)} }`;
    const anonymous = await client.query(query, undefined, null);
    if (!codes(anonymous, field.name).includes('UNAUTHENTICATED')) problems.anonymous.push(`${field.name}: ${JSON.stringify(anonymous.body).slice(0, 120)}`);
    const outsider = ROLES.filter((r) => r !== 'RESIDENT')
      .map((r) => client.identity(r))
      .find((i) => decide(rule, i) === 'denied');
    if (outsider) {
      const answer = await client.query(query, undefined, outsider);
      if (!codes(answer, field.name).includes('FORBIDDEN')) problems.forbidden.push(`${field.name} as ${outsider.role}: ${JSON.stringify(answer.body).slice(0, 120)}`);
    }
    const insider = identityFor(client, rule);
    if (insider) {
      const answer = await client.query(query, undefined, insider);
      const refused = codes(answer, field.name).filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
      if (refused.length || answer.status !== 200) problems.allowed.push(`${field.name} as ${insider.role}: ${JSON.stringify(answer.body).slice(0, 120)}`);
    }
  }
  const line = (what: keyof typeof problems, name: string, fix: string) =>
    problems[what].length ? fail(name, problems[what].join('\n      '), fix) : pass(name, `${tried} Query fields`);
  return [
    line('anonymous', 'anonymous callers get UNAUTHENTICATED', 'with no identity (empty x-cg-identity) answer every governed field null with extensions.code UNAUTHENTICATED'),
    line('forbidden', 'roles outside @access get FORBIDDEN', 'apply @access roles/departments/purposes of the SDL: a role not listed gets null and extensions.code FORBIDDEN'),
    line('allowed', 'roles inside @access are answered', 'a role the SDL lists must not be refused'),
  ];
}

/** For each entity with personal data: every role and purpose sees the full, masked or no value its rule says. */
export async function checkMasking(client: DepartmentClient, model: DepartmentModel, ids: Map<string, string[]>): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const type of model.entities) {
    const entry = model.policy.get(type);
    const object = model.schema.getType(type);
    if (!entry || !object || !('getFields' in object)) continue;
    const governed = leafFields(object as never).filter((f) => effectiveRule(model.policy, type, f.name)?.data);
    const id = ids.get(type)?.[0];
    if (!governed.length) continue;
    const name = `masking and refusals on ${type} (${governed.map((f) => f.name).join(', ')})`;
    if (!id) {
      results.push(skip(name, `no ${type} id could be listed`));
      continue;
    }
    const identities: Identity[] = ROLES.filter((r) => r !== 'RESIDENT').flatMap((role) => [undefined, ...PURPOSES].map((purpose) => client.identity(role, purpose)!));
    const seen: Array<{ identity: Identity; field: string; decision: Decision; value: unknown; codes: unknown[] }> = [];
    for (const identity of identities) {
      if (decide(entry.rule, identity) !== 'full') continue; // the type's own gate: checked with the root fields
      const answer = await client.query(ENTITIES([type], `id ${governed.map((f) => f.name).join(' ')}`), { r: [{ __typename: type, id }] }, identity);
      const row = (answer.body?.data?._entities as unknown[] | undefined)?.[0] as Record<string, unknown> | null | undefined;
      for (const f of governed)
        seen.push({ identity, field: f.name, decision: decide(effectiveRule(model.policy, type, f.name), identity), value: row?.[f.name], codes: codes(answer, f.name) });
    }
    const problems: string[] = [];
    for (const f of governed) {
      const rule = effectiveRule(model.policy, type, f.name)!;
      const full = seen.filter((s) => s.field === f.name && s.decision === 'full');
      const reference = full.find((s) => s.value !== null && s.value !== undefined)?.value;
      for (const s of seen.filter((x) => x.field === f.name)) {
        const who = `${s.identity.role}${s.identity.purpose ? `/${s.identity.purpose}` : ''}`;
        if (s.decision === 'denied' && (s.value !== null || !s.codes.includes('FORBIDDEN')))
          problems.push(`${f.name} as ${who}: expected null + FORBIDDEN, got ${JSON.stringify(s.value)} ${JSON.stringify(s.codes)}`);
        if (s.decision === 'full' && reference !== undefined && JSON.stringify(s.value) !== JSON.stringify(reference))
          problems.push(`${f.name} as ${who}: expected the full value`);
        if (s.decision === 'masked' && reference !== undefined && JSON.stringify(s.value) !== JSON.stringify(maskValue(rule.data!, reference)))
          problems.push(`${f.name} as ${who}: expected ${JSON.stringify(maskValue(rule.data!, reference))}, got ${JSON.stringify(s.value)}`);
      }
    }
    results.push(
      problems.length
        ? fail(
            name,
            problems.slice(0, 8).join('\n      '),
            'decide each field as kit/src/auth/policy.ts `decide` does (docs/department-protocol.md §4): full for `full` roles (with a stated purpose when `purposes` is given), masked for other listed readers, FORBIDDEN without a mask',
          )
        : pass(name, `${seen.length / governed.length} callers compared`),
    );
  }
  return results;
}
