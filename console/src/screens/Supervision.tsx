import { useState } from 'react';
import { useQuery } from 'urql';
import { SupervisionQuery } from '../operations';
import type { Claims } from '../session';
import { t } from '../strings';
import { useUnits } from '../useUnits';
import { CaseCard } from './CaseCard';

/** 督单: cases (and their open tasks) overdue or due within the window, counted per unit. */
export function Supervision({ claims }: { claims: Claims }) {
  const { communityId } = useUnits(claims);
  const [hours, setHours] = useState(24);
  const [{ data }] = useQuery({ query: SupervisionQuery, variables: { withinHours: hours, communityId, first: 100 } });
  const cases = data?.supervisionList.edges.map((e) => e.node) ?? [];
  const perUnit = new Map<string, { overdue: number; soon: number }>();
  for (const c of cases) {
    const open = c.tasks.filter((x) => x.status === 'PENDING' || x.status === 'ACCEPTED').map((x) => x.unit.name);
    for (const name of open.length ? open : [t.supervision.noLead]) {
      const row = perUnit.get(name) ?? { overdue: 0, soon: 0 };
      row[c.overdue ? 'overdue' : 'soon'] += 1;
      perUnit.set(name, row);
    }
  }
  return (
    <section aria-labelledby="supervision-heading">
      <h2 id="supervision-heading">{t.supervision.title}</h2>
      <label>
        {t.supervision.window}
        <input type="number" min={0} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
      </label>
      <h3>{t.supervision.byUnit}</h3>
      <table data-testid="supervision-units">
        <thead>
          <tr>
            <th scope="col">{t.supervision.unit}</th>
            <th scope="col">{t.supervision.overdueCount}</th>
            <th scope="col">{t.supervision.soonCount}</th>
          </tr>
        </thead>
        <tbody>
          {[...perUnit].map(([name, row]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{row.overdue}</td>
              <td>{row.soon}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        {t.supervision.cases}（{data?.supervisionList.totalCount ?? 0}）
      </h3>
      {cases.map((c) => (
        <CaseCard key={c.id} c={c} />
      ))}
    </section>
  );
}
