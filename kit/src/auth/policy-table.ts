import { listSubgraphs } from '../registry';
import { loadTypeDefs } from '../sdl';
import { decide, policyFromDocument, PURPOSES, ROLES, type AccessRule } from './policy';

const TABLE_ROLES = ROLES.filter((r) => r !== 'SERVICE');

/** One cell: what `role` gets without a stated purpose, and the purposes that change it. */
function cell(rule: AccessRule, role: string): string {
  const department = rule.departments?.[0] ?? 'any';
  const base = decide(rule, { role, department });
  const better = (rule.purposes ?? PURPOSES).filter((purpose) => decide(rule, { role, department, purpose }) !== base);
  const text = base === 'denied' ? 'denied' : base;
  return better.length ? `${text}; full for ${better.join(', ')}` : text;
}

/**
 * docs/policy.md: role × field → full, masked or denied, generated from every department's SDL (`npm run
 * policy-table`; a unit test fails when the checked-in file differs).
 */
export function policyTable(root?: string): string {
  const lines = [
    '# Access policy (访问控制策略)',
    '',
    'Generated from the `@access` and `@scope` directives in `subgraphs/*/schema.graphql` by `npm run policy-table`; do not edit.',
    '`full`: the stored value; `masked`: de-identified (`张*`, `110105********002X`, `138****1234`, `1990-**-**`); `denied`: null',
    'with `FORBIDDEN`. Anonymous callers get `UNAUTHENTICATED` for every row below. A purpose is stated with the `x-purpose`',
    'header or the token\'s `purpose` claim. `id` fields are never restricted (federation keys). Types with `@scope` return',
    'only rows inside the caller\'s grids/communities (`FORBIDDEN` for a single row, filtered out of lists).',
    '',
  ];
  for (const entry of listSubgraphs(root)) {
    const policy = policyFromDocument(loadTypeDefs(entry.schemaPath));
    if (policy.size === 0) continue;
    lines.push(`## ${entry.name}`, '', `| field | data | ${TABLE_ROLES.join(' | ')} |`, `| --- | --- | ${TABLE_ROLES.map(() => '---').join(' | ')} |`);
    for (const [type, tp] of [...policy].sort(([a], [b]) => a.localeCompare(b))) {
      const scope = tp.scope ? ` (scope: ${Object.entries(tp.scope).map(([k, v]) => `${k} ← ${v}`).join(', ')})` : '';
      if (tp.rule) lines.push(`| ${type}.*${scope} | | ${TABLE_ROLES.map((r) => cell(tp.rule!, r)).join(' | ')} |`);
      for (const [field, own] of [...tp.fields].sort(([a], [b]) => a.localeCompare(b))) {
        const rule = { ...own, roles: own.roles ?? tp.rule?.roles, departments: own.departments ?? tp.rule?.departments };
        lines.push(`| ${type}.${field} | ${rule.data ?? ''} | ${TABLE_ROLES.map((r) => cell(rule, r)).join(' | ')} |`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
