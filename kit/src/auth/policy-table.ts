import { listSubgraphs } from '../registry';
import { loadTypeDefs } from '../sdl';
import { decide, defaultRule, policyFromDocument, PURPOSES, readsFromDocument, ROLES, ROOT_TYPES, type AccessRule, type TypePolicy } from './policy';

const TABLE_ROLES = ROLES.filter((r) => r !== 'SERVICE');

/** One cell: what `role` gets without a stated purpose, and the purposes that change it. */
function cell(rule: AccessRule, role: string): string {
  const department = rule.departments?.[0] ?? 'any';
  const base = decide(rule, { role, department });
  const better = PURPOSES.filter((purpose) => decide(rule, { role, department, purpose }) === 'full' && base !== 'full');
  if (base === 'denied' && better.length) return `with ${better.join(' or ')}`;
  return better.length ? `${base}; full for ${better.join(', ')}` : base;
}

const who = (rule: AccessRule) => [rule.departments?.join(', ') ?? 'any', ...(rule.purposes && !rule.full ? [`purpose ${rule.purposes.join(' or ')}`] : [])].join('; ');
const row = (name: string, rule: AccessRule, note = '') => `| ${name}${note} | ${rule.data ?? ''} | ${who(rule)} | ${TABLE_ROLES.map((r) => cell(rule, r)).join(' | ')} |`;
const header = (first: string) => [`| ${first} | data | departments | ${TABLE_ROLES.join(' | ')} |`, `| --- | --- | --- | ${TABLE_ROLES.map(() => '---').join(' | ')} |`];
const scopeNote = (tp: TypePolicy) =>
  tp.scope
    ? ` (scope: ${Object.entries(tp.scope)
        .map(([k, v]) => `${k} ← ${v}`)
        .join(', ')})`
    : '';

/**
 * docs/policy.md: every type and root field of every department × role → full, masked or denied, generated from
 * the SDL (`npm run policy-table`; a unit test fails when the checked-in file differs).
 */
export function policyTable(root?: string): string {
  const lines = [
    '# Access policy (访问控制策略)',
    '',
    'Generated from the `@access`, `@scope` and `@reads` directives in `subgraphs/*/schema.graphql` by `npm run policy-table`;',
    'do not edit. **Deny by default**: the gateway answers `401 UNAUTHENTICATED` to any operation without a valid token,',
    'every object type has a rule (its own, or the department default) and every root field its own; a department whose',
    'SDL leaves one out does not compose or start. `full`: the stored value; `masked`: de-identified (`张*`,',
    '`110105********002X`, `138****1234`, `1990-**-**`); `denied`: null with `FORBIDDEN`; `with P`: only when purpose P is',
    "stated (`x-purpose` header or the token's `purpose` claim). `departments`: the caller's department must be one of",
    "these (`property:<company>` counts as `property`). A type's row also governs every field returning it. `id` fields",
    "are never restricted (federation keys). Types with a scope return only rows inside the caller's grids/communities,",
    'and to a `RESIDENT` only the rows of that resident (`FORBIDDEN` for a single row; lists filtered in the database,',
    'totals included). `SERVICE` (a department asking a peer) is left out of the table; tokens never carry it.',
    '',
  ];
  for (const entry of listSubgraphs(root)) {
    const doc = loadTypeDefs(entry.schemaPath);
    const policy = policyFromDocument(doc);
    const fallback = defaultRule(doc);
    lines.push(`## ${entry.name}`, '');
    if (fallback)
      lines.push(
        `Department default (types without their own rule): roles ${fallback.roles?.join(', ') ?? 'any signed-in caller'}${fallback.departments ? `; departments ${fallback.departments.join(', ')}` : ''}.`,
        '',
      );
    lines.push(...header('root field'));
    for (const rootType of ROOT_TYPES) {
      const tp = policy.get(rootType);
      if (!tp) continue;
      for (const [field, rule] of [...tp.fields].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(`${rootType}.${field}`, rule));
    }
    lines.push('', ...header('type or field'));
    for (const [type, tp] of [...policy].sort(([a], [b]) => a.localeCompare(b))) {
      if ((ROOT_TYPES as readonly string[]).includes(type)) continue;
      if (tp.rule) lines.push(row(`${type}.*`, tp.rule, `${tp.defaulted ? ' (default)' : ''}${scopeNote(tp)}`));
      for (const [field, own] of [...tp.fields].sort(([a], [b]) => a.localeCompare(b))) {
        const rule = { ...own, roles: own.roles ?? tp.rule?.roles, departments: own.departments ?? tp.rule?.departments };
        lines.push(row(`${type}.${field}`, rule));
      }
    }
    const reads = [...readsFromDocument(doc)];
    if (reads.length) {
      lines.push('', 'Arguments that reveal a governed field (`@reads`), refused with `FORBIDDEN` unless the caller may read that field in full:');
      lines.push(...reads.map(([used, field]) => `- \`${used}\` → \`${field}\``));
    }
    lines.push('');
  }
  return lines.join('\n');
}
