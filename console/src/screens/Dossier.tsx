import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { time } from '../format';
import { JointCaseDossierDocument } from '../gql/graphql';
import { t } from '../strings';

/** A masked value (张*, 138****1234) is marked, so staff see that the policy hid it rather than that it is missing. */
const Value = ({ v, testId, denied }: { v: string | number | null | undefined; testId?: string; denied?: boolean }) => (
  <dd data-testid={testId} data-masked={typeof v === 'string' && v.includes('*') ? 'true' : 'false'}>
    {v ?? (denied ? t.dossier.denied : t.dossier.none)}
    {typeof v === 'string' && v.includes('*') && <span className="badge">{t.dossier.masked}</span>}
  </dd>
);
const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="part">
    <h3>{title}</h3>
    <dl>{children}</dl>
  </section>
);

/** 案件卷宗: one case across all four departments, each part answered by the department that owns it. */
export function Dossier({ id }: { id: string | undefined }) {
  const [{ data, fetching, error }] = useQuery({ query: JointCaseDossierDocument, variables: { id: id ?? '' }, pause: !id });
  // Fields the policy refused this caller come back null with FORBIDDEN at their path: shown as refused, not as empty.
  const refused = new Set((error?.graphQLErrors ?? []).filter((e) => e.extensions.code === 'FORBIDDEN').map((e) => (e.path ?? []).join('.')));
  const no = (path: string) => [...refused].some((p) => p === `jointCase.${path}` || p.startsWith(`jointCase.${path}.`));
  if (!id) return <p>{t.dossier.pick}</p>;
  const c = data?.jointCase;
  if (!c) return <p>{fetching ? t.common.loading : t.dossier.none}</p>;
  const r = c.reporter;
  const estate = c.building.estate;
  return (
    <section aria-labelledby="dossier-heading" data-testid="dossier">
      <h2 id="dossier-heading">
        {t.dossier.title} · {t.status[c.status]} · {t.category[c.category]}
      </h2>
      <p>{c.description}</p>
      <div className="parts">
        <Part title={t.dossier.parts.civil}>
          <dt>{t.dossier.reporter}</dt>
          <Value v={r.name} testId="reporter-name" />
          <dt>{t.dossier.phone}</dt>
          <Value v={r.phone} testId="reporter-phone" />
          <dt>{t.dossier.household}</dt>
          <Value v={r.household?.fileNumber} denied={no('reporter.household')} />
          <dt>{t.dossier.grid}</dt>
          <Value v={`${c.grid.name}（${c.grid.code}）`} />
          <dt>{t.dossier.leader}</dt>
          <Value v={c.grid.leaderName} />
          <dt>{t.dossier.community}</dt>
          <Value v={c.community.name} />
        </Part>
        <Part title={t.dossier.parts.property}>
          <dt>{t.dossier.place}</dt>
          <Value v={c.dwelling?.label} />
          <dt>{t.dossier.building}</dt>
          <Value v={c.building.number} />
          <dt>{t.dossier.estate}</dt>
          <Value v={estate?.name} />
          <dt>{t.dossier.company}</dt>
          <Value v={estate?.propertyCompany?.name} />
        </Part>
        <Part title={t.dossier.parts.party}>
          <dt>{t.dossier.branch}</dt>
          <Value v={c.gridBranch?.name} />
          <dt>{t.dossier.members}</dt>
          <Value v={c.gridBranch?.members.totalCount} denied={no('gridBranch.members')} />
          <dt>{t.dossier.party}</dt>
          <Value v={r.partyMembership?.category} denied={no('reporter.partyMembership')} />
          <dt>{t.inbox.leadUnit}</dt>
          <Value v={c.leadUnit?.name} />
          <dt>{t.dossier.escalation}</dt>
          <Value
            v={c.escalation ? `${t.dossier.levels[c.escalation.level]} · ${t.dossier.escalationStatus[c.escalation.status]}` : null}
            denied={no('escalation')}
            testId="dossier-escalation"
          />
          <dt>{t.dossier.urges}</dt>
          <Value v={c.urges?.length ? `${c.urges.filter((u) => u.answer).length}/${c.urges.length}` : null} denied={no('urges')} testId="dossier-urges" />
        </Part>
        <Part title={t.dossier.parts.employment}>
          <dt>{t.dossier.employment}</dt>
          <Value
            v={r.employmentStatus ? `${r.employmentStatus.status}${r.employmentStatus.employer ? ` · ${r.employmentStatus.employer.name}` : ''}` : null}
            denied={no('reporter.employmentStatus')}
          />
        </Part>
      </div>
      <h3>{t.dossier.history}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">环节</th>
            <th scope="col">{t.inbox.statusCol}</th>
            <th scope="col">{t.ledgers.unit}</th>
            <th scope="col">{t.inbox.note}</th>
          </tr>
        </thead>
        <tbody>
          {c.history.map((e, i) => (
            <tr key={i} data-step={e.step}>
              <td>{time(e.at)}</td>
              <td>{t.steps[e.step] ?? e.step}</td>
              <td>{t.status[e.to]}</td>
              <td>{e.unit?.name ?? '—'}</td>
              <td>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
