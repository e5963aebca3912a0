import { useEffect, useState } from 'react';
import ReactECharts from 'echarts-for-react';
import { useClient, useQuery } from 'urql';
import type { ConsoleMeasuresQuery } from '../gql/graphql';
import { lastMonths, percent } from '../format';
import { CommunitiesQuery, MeasuresQuery } from '../operations';
import type { Claims } from '../session';
import { t } from '../strings';

type Measures = ConsoleMeasuresQuery['jointCaseMeasures'];
const RATES = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'inGridShare', 'reportOnTimeRate'] as const;
const COUNTS = ['cases', 'overdue', 'whistled'] as const;
const MONTHS = lastMonths(6);

export function useCommunity(claims: Claims) {
  const [{ data }] = useQuery({ query: CommunitiesQuery });
  const communities = data?.communities ?? [];
  const [chosen, setChosen] = useState('');
  const community = communities.find((c) => c.id === chosen) ?? communities.find((c) => claims.communityIds.includes(c.id)) ?? communities[0];
  return { communities, community, setChosen };
}

async function sequence<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await run(item));
  return results;
}

const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);

/** 考核看板: the measures of a community per month and per grid, as ECharts charts with the figures beside them. */
export function Dashboard({ claims }: { claims: Claims }) {
  const client = useClient();
  const { communities, community, setChosen } = useCommunity(claims);
  const [byMonth, setByMonth] = useState<Measures[] | null>(null);
  const [month, setMonth] = useState<number | null>(null);
  const [byGrid, setByGrid] = useState<Array<{ name: string; m: Measures }>>([]);
  useEffect(() => {
    if (!community) return;
    // One month after another: the measures are aggregations, and six at once would crowd the party department.
    void sequence(MONTHS, (m) => client.query(MeasuresQuery, { scope: { from: m.from, to: m.to, communityId: community.id } }, { requestPolicy: 'network-only' }).toPromise()).then(
      (results) => {
        const measures = results.map((r) => r.data?.jointCaseMeasures).filter((m): m is Measures => !!m);
        if (measures.length !== MONTHS.length) return;
        setByMonth(measures);
        // The busiest month first: the figures worth reading.
        setMonth((current) => current ?? measures.reduce((best, m, i) => (m.cases > measures[best]!.cases ? i : best), measures.length - 1));
      },
    );
  }, [client, community]);
  useEffect(() => {
    if (!community || month == null) return;
    const m = MONTHS[month]!;
    const grids = community.grids.edges.map((e) => e.node); // 网格, not the building and entrance nodes below them
    void sequence(grids, (g) => client.query(MeasuresQuery, { scope: { from: m.from, to: m.to, gridId: g.id } }).toPromise()).then((results) =>
      setByGrid(results.flatMap((r, i) => (r.data ? [{ name: grids[i]!.name, m: r.data.jointCaseMeasures }] : []))),
    );
  }, [client, community, month]);

  const selected = month == null ? undefined : byMonth?.[month];
  const scope = month == null ? undefined : MONTHS[month];
  const trend = {
    aria: { enabled: true },
    animation: false, // the figures as they are, at once (screenshots, screen readers)
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 40, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: MONTHS.map((m) => m.label) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATES.map((key) => ({ name: t.dashboard.measures[key], type: 'line', connectNulls: true, data: (byMonth ?? []).map((m) => pct(m[key])) })),
  };
  const grids = {
    aria: { enabled: true },
    animation: false, // the figures as they are, at once (screenshots, screen readers)
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 40, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: byGrid.map((g) => g.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: (['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((key) => ({
      name: t.dashboard.measures[key],
      type: 'bar',
      data: byGrid.map((g) => pct(g.m[key])),
    })),
  };
  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t.dashboard.title}</h2>
      <div className="filters">
        <label>
          {t.dashboard.community}
          <select value={community?.id ?? ''} onChange={(e) => (setChosen(e.target.value), setByMonth(null), setMonth(null))}>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.dashboard.month}
          <select value={month ?? ''} onChange={(e) => setMonth(Number(e.target.value))}>
            {MONTHS.map((m, i) => (
              <option key={m.label} value={i}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="chart-row">
        <figure>
          <figcaption>{t.dashboard.byMonth}</figcaption>
          <ReactECharts option={trend} opts={{ renderer: 'svg' }} style={{ height: 320 }} notMerge />
        </figure>
        <table data-testid="figures" data-community={community?.id} data-from={scope?.from} data-to={scope?.to} aria-label={t.dashboard.figures}>
          <caption>
            {t.dashboard.figures}（{scope?.label}）
          </caption>
          <tbody>
            {[...RATES, ...COUNTS].map((key) => {
              const value = selected?.[key];
              return (
                <tr key={key}>
                  <th scope="row">{t.dashboard.measures[key]}</th>
                  <td data-testid={`figure-${key}`} data-value={value ?? 'null'}>
                    {key.endsWith('Rate') || key.endsWith('Share') ? percent(value) : (value ?? t.dashboard.noData)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="chart-row">
        <figure>
          <figcaption>{t.dashboard.byGrid}</figcaption>
          <ReactECharts option={grids} opts={{ renderer: 'svg' }} style={{ height: 320 }} notMerge />
        </figure>
        <table aria-label={t.dashboard.byGrid} data-testid="grid-figures">
          <thead>
            <tr>
              <th scope="col">{t.ledgers.grid}</th>
              <th scope="col">{t.dashboard.measures.cases}</th>
              <th scope="col">{t.dashboard.measures.responseRate}</th>
              <th scope="col">{t.dashboard.measures.resolutionRate}</th>
              <th scope="col">{t.dashboard.measures.satisfactionRate}</th>
            </tr>
          </thead>
          <tbody>
            {byGrid.map((g) => (
              <tr key={g.name}>
                <th scope="row">{g.name}</th>
                <td>{g.m.cases}</td>
                <td>{percent(g.m.responseRate)}</td>
                <td>{percent(g.m.resolutionRate)}</td>
                <td>{percent(g.m.satisfactionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
