import type { AnyModel } from './model';
import type { PipelineStage } from 'mongoose';

export type SumRow = { _id: unknown } & Record<string, number>;

/**
 * `$group` with several `$sum` accumulators, portable to FerretDB v1: it computes only the FIRST accumulator of a
 * `$group` and returns 0 for the others (seen with v1.24.2), so this runs one pipeline per accumulator, in parallel,
 * and joins the rows by group key. `sums` maps an output name to a `$sum` operand (1 or a `$field` path).
 * A group missing from one pipeline's answer counts 0 there.
 */
export async function groupSums(model: AnyModel, stages: PipelineStage[], groupId: unknown, sums: Record<string, 1 | string>): Promise<SumRow[]> {
  const names = Object.keys(sums);
  const answers = await Promise.all(
    names.map((name) => model.aggregate<{ _id: unknown; v: number }>([...stages, { $group: { _id: groupId, v: { $sum: sums[name] } } } as PipelineStage])),
  );
  const rows = new Map<string, SumRow>();
  answers.forEach((answer, i) => {
    for (const { _id, v } of answer) {
      const key = JSON.stringify(_id);
      if (!rows.has(key)) rows.set(key, { _id, ...Object.fromEntries(names.map((n) => [n, 0])) } as SumRow);
      rows.get(key)![names[i]!] = v;
    }
  });
  return [...rows.values()];
}
