import { idCheckCharacter, makeIdNumber } from '@cg/kit';
import type { Stack } from '@cg/kit/testing';

/** A valid ID number whose check character is X (lowercase x when `lower`). */
export function idNumberEndingInX(birthDate = '1958-03-12', lower = false): string {
  for (let seq = 1; seq < 999; seq++) {
    const id = makeIdNumber('130722', birthDate, seq);
    if (id.endsWith('X')) return lower ? id.slice(0, 17) + 'x' : id;
  }
  throw new Error('no X check character found');
}

let counter = 500;
/** A valid ID number no seeded resident has (sequence numbers from 500 up; the seed stays below 999 but differs in date). */
export function freshIdNumber(birthDate = '1990-06-15'): string {
  return makeIdNumber('130799', birthDate, counter++);
}

/** Same 17 digits with a wrong check character. */
export const withWrongCheck = (id: string) => id.slice(0, 17) + (idCheckCharacter(id.slice(0, 17)) === '1' ? '2' : '1');

/** Walks every page of a connection field and returns the nodes plus the totalCount each page reported. */
export async function allPages(stack: Stack, field: string, args: string, selection: string, first: number) {
  const nodes: any[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: any = await stack.query(
      `query($after: String) { ${field}(${args} first: ${first}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`,
      { after },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const connection = result.data[field];
    totals.add(connection.totalCount);
    nodes.push(...connection.edges.map((e: any) => e.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}
