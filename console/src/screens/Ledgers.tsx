import { useState } from 'react';
import { useQuery } from 'urql';
import { downloadCsv, lastMonths } from '../format';
import { LedgersQuery } from '../operations';
import type { Claims } from '../session';
import { t } from '../strings';
import { useCommunity } from './Dashboard';

const MONTHS = lastMonths(6);
const L = t.ledgers;

function Table({ title, testId, rows }: { title: string; testId: string; rows: Array<Array<string | number>> }) {
  const [head, ...body] = rows;
  return (
    <section className="ledger">
      <h3>
        {title}{' '}
        <button type="button" onClick={() => downloadCsv(`${title}.csv`, rows)}>
          {L.export}
        </button>
      </h3>
      <table data-testid={testId}>
        <thead>
          <tr>
            {head!.map((h) => (
              <th key={String(h)} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 两台账 (民情, 政务) for a month and 三清单 (问题, 资源, 责任) as of now, each exportable as CSV. */
export function Ledgers({ claims }: { claims: Claims }) {
  const { community } = useCommunity(claims);
  const [month, setMonth] = useState(MONTHS.length - 2);
  const m = MONTHS[month]!;
  const [{ data }] = useQuery({
    query: LedgersQuery,
    variables: { scope: { from: m.from, to: m.to, communityId: community?.id }, communityId: community?.id ?? '' },
    pause: !community,
  });
  const cats = (list: readonly string[]) => list.map((c) => t.category[c]).join('、');
  return (
    <section aria-labelledby="ledgers-heading">
      <h2 id="ledgers-heading">
        {L.title} · {community?.name}
      </h2>
      <label>
        {t.dashboard.month}
        <select value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {MONTHS.map((x, i) => (
            <option key={x.label} value={i}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      {data && (
        <>
          <Table
            title={L.sentiment}
            testId="ledger-sentiment"
            rows={[
              [L.grid, t.inbox.category, L.received, L.handled, L.resolved, L.rated, L.satisfied],
              ...data.publicSentimentLedger.map((r) => [r.grid.name, t.category[r.category]!, r.received, r.handled, r.resolved, r.rated, r.satisfied]),
            ]}
          />
          <Table
            title={L.government}
            testId="ledger-government"
            rows={[
              [L.unit, L.received, L.resolved, L.onTime, L.overdue, L.whistleCalls, L.reportedOnTime],
              ...data.governmentLedger.map((r) => [r.unit.name, r.received, r.resolved, r.onTime, r.overdue, r.whistleCalls, r.reportedOnTime]),
            ]}
          />
          <Table
            title={L.problems}
            testId="list-problems"
            rows={[[t.inbox.category, L.open, L.overdue], ...data.threeLists.problems.map((r) => [t.category[r.category]!, r.open, r.overdue])]}
          />
          <Table
            title={L.resources}
            testId="list-resources"
            rows={[[L.unit, L.kind, L.categories], ...data.threeLists.resources.map((r) => [r.name, t.unitKind[r.kind]!, cats(r.categories)])]}
          />
          <Table
            title={L.responsibilities}
            testId="list-responsibilities"
            rows={[[L.unit, L.categories, L.openLeadTasks], ...data.threeLists.responsibilities.map((r) => [r.unit.name, cats(r.categories), r.openLeadTasks])]}
          />
        </>
      )}
    </section>
  );
}
