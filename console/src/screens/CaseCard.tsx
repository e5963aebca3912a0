import type { ReactNode } from 'react';
import type { CaseCardFragment as Case } from '../gql/graphql';
import { time } from '../format';
import { t } from '../strings';

/** One case as a card: status, category, place, due time, units and their tasks; `children` holds the actions. */
export function CaseCard({ c, children }: { c: Case; children?: ReactNode }) {
  return (
    <article className={`case ${c.overdue ? 'overdue' : ''}`} data-testid={`case-${c.id}`} data-status={c.status} aria-labelledby={`case-title-${c.id}`}>
      <h3 id={`case-title-${c.id}`}>
        <span className="status">{t.status[c.status]}</span> {t.category[c.category]} · {t.urgency[c.urgency]} · {c.grid.name}
        {c.overdue && <span className="badge">{t.inbox.overdue}</span>}
      </h3>
      <p>{c.description}</p>
      <dl>
        <dt>{t.inbox.submitted}</dt>
        <dd>{time(c.submittedAt)}</dd>
        <dt>{t.inbox.due}</dt>
        <dd>{time(c.dueAt)}</dd>
        <dt>{t.inbox.leadUnit}</dt>
        <dd>{c.leadUnit?.name ?? '—'}</dd>
        <dt>{t.inbox.tasks}</dt>
        <dd>{c.tasks.map((x) => `${x.unit.name}（${t.taskRole[x.role]}·${t.taskStatus[x.status]}）`).join('、') || '—'}</dd>
        {c.whistles.length > 0 && (
          <>
            <dt>{t.actions.whistle}</dt>
            <dd>
              {c.whistles
                .flatMap((w) => w.calls)
                .map((call) => `${call.unit.name}：${call.reportedAt ? t.actions.report : t.inbox.whistleWaiting}`)
                .join('、')}
            </dd>
          </>
        )}
        {c.rating && (
          <>
            <dt>{t.actions.rate}</dt>
            <dd>{c.rating.score}</dd>
          </>
        )}
      </dl>
      <a href={`#/dossier/${c.id}`}>{t.inbox.open}</a>
      {children}
    </article>
  );
}
