import { useState } from 'react';
import { useClient, type OperationResult } from 'urql';
import {
  ConsoleAcceptDocument,
  ConsoleCloseDocument,
  ConsoleDispatchDocument,
  ConsoleRateDocument,
  ConsoleReportDocument,
  ConsoleResolveDocument,
  ConsoleResolveTaskDocument,
  ConsoleReturnDocument,
  ConsoleSendBackDocument,
  ConsoleStartDocument,
  ConsoleVerifyDocument,
  ConsoleWhistleDocument,
  type CaseCardFragment as Case,
  type ConsoleResponseUnitsQuery,
} from '../gql/graphql';
import { fill, t } from '../strings';

type Unit = ConsoleResponseUnitsQuery['responseUnits'][number];
export type Mode = 'community' | 'unit' | 'resident' | 'view';

interface Props {
  c: Case;
  mode: Mode;
  mine: Unit | undefined;
  units: Unit[];
  /** Shows the outcome; `stale` asks the list to reload (a version conflict). */
  onDone: (message: string, stale?: boolean) => void;
}

/** The steps this caller may take on the case now, each sent with the version shown (optimistic concurrency). */
export function CaseActions({ c, mode, mine, units, onDone }: Props) {
  const client = useClient();
  const [note, setNote] = useState('');
  const [lead, setLead] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [score, setScore] = useState(5);
  const v = c.version;
  const run = async (label: string, ...steps: Array<() => Promise<OperationResult>>) => {
    for (const step of steps) {
      const result = await step();
      const error = result.error?.graphQLErrors[0];
      if (error?.extensions.code === 'CONFLICT') return onDone(t.inbox.conflict, true);
      if (result.error) return onDone(`${t.common.error}${error?.message ?? result.error.message}`);
    }
    setNote('');
    setPicked([]);
    onDone(fill(t.inbox.done, { step: label }));
  };
  const task = mine && c.tasks.find((x) => x.unit.id === mine.id && x.status !== 'WITHDRAWN' && x.status !== 'RETURNED');
  const isLead = task?.role === 'LEAD';
  const waitingCall = mine && c.whistles.flatMap((w) => w.calls).find((call) => call.unit.id === mine.id && !call.reportedAt);
  const others = units.filter((u) => u.kind !== 'COMMUNITY');
  const buttons: Array<[string, () => void, boolean?]> = [];
  const noteOr = (fallback: string) => note.trim() || fallback;

  if (mode === 'community') {
    if (['SUBMITTED', 'RETURNED'].includes(c.status))
      buttons.push([
        t.actions.dispatch,
        () =>
          void run(t.actions.dispatch, () =>
            client.mutation(ConsoleDispatchDocument, { id: c.id, v, lead: lead || null, helpers: picked.filter((u) => u !== lead), note: note || null }).toPromise(),
          ),
      ]);
    if (['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK'].includes(c.status))
      buttons.push([
        t.actions.whistle,
        () => void run(t.actions.whistle, () => client.mutation(ConsoleWhistleDocument, { id: c.id, v, units: picked, note: note || null }).toPromise()),
        picked.length === 0,
      ]);
    if (c.status === 'RESOLVED') {
      buttons.push([t.actions.verify, () => void run(t.actions.verify, () => client.mutation(ConsoleVerifyDocument, { id: c.id, v, note: note || null }).toPromise())]);
      buttons.push([
        t.actions.sendBack,
        () => void run(t.actions.sendBack, () => client.mutation(ConsoleSendBackDocument, { id: c.id, v, note: noteOr(t.actions.sendBack) }).toPromise()),
      ]);
    }
    if (['RATED', 'VERIFIED'].includes(c.status))
      buttons.push([t.actions.close, () => void run(t.actions.close, () => client.mutation(ConsoleCloseDocument, { id: c.id, v }).toPromise())]);
  }
  if (mode === 'unit' && mine) {
    if (task?.status === 'PENDING') {
      buttons.push([t.actions.accept, () => void run(t.actions.accept, () => client.mutation(ConsoleAcceptDocument, { id: c.id, v, unit: mine.id }).toPromise())]);
      if (isLead)
        buttons.push([
          t.actions.giveBack,
          () => void run(t.actions.giveBack, () => client.mutation(ConsoleReturnDocument, { id: c.id, v, reason: noteOr(t.actions.giveBack) }).toPromise()),
          !note.trim(),
        ]);
    }
    if (isLead && ['ACCEPTED', 'REWORK'].includes(c.status))
      buttons.push([t.actions.start, () => void run(t.actions.start, () => client.mutation(ConsoleStartDocument, { id: c.id, v, note: note || null }).toPromise())]);
    if (isLead && c.status === 'IN_PROGRESS' && task?.status === 'ACCEPTED')
      // 回单: the lead's own task first, then the case (the second step carries the version the first returned).
      buttons.push([
        t.actions.resolve,
        () =>
          void run(t.actions.resolve, async () => {
            const first = await client.mutation(ConsoleResolveTaskDocument, { id: c.id, v, unit: mine.id, note: note || null }).toPromise();
            if (first.error || !first.data) return first;
            return client.mutation(ConsoleResolveDocument, { id: c.id, v: first.data.resolveJointCaseTask.version, note: noteOr(t.actions.resolve) }).toPromise();
          }),
        !note.trim(),
      ]);
    if (!isLead && task?.status === 'ACCEPTED')
      buttons.push([
        t.actions.resolveTask,
        () => void run(t.actions.resolveTask, () => client.mutation(ConsoleResolveTaskDocument, { id: c.id, v, unit: mine.id, note: note || null }).toPromise()),
      ]);
    if (waitingCall) buttons.push([t.actions.report, () => void run(t.actions.report, () => client.mutation(ConsoleReportDocument, { id: c.id, v, unit: mine.id }).toPromise())]);
  }
  if (mode === 'resident' && c.status === 'VERIFIED')
    buttons.push([t.actions.rate, () => void run(t.actions.rate, () => client.mutation(ConsoleRateDocument, { id: c.id, v, score, comment: note || null }).toPromise())]);
  if (buttons.length === 0) return null;

  const labels = buttons.map(([label]) => label);
  const choosing = labels.includes(t.actions.dispatch) || labels.includes(t.actions.whistle);
  return (
    <div className="actions">
      {labels.includes(t.actions.dispatch) && (
        <label>
          {t.inbox.leadUnit}
          <select value={lead} onChange={(e) => setLead(e.target.value)}>
            <option value="">（首接单位）</option>
            {others.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {choosing && (
        <fieldset>
          <legend>{labels.includes(t.actions.dispatch) ? t.inbox.helperUnits : t.inbox.whistleUnits}</legend>
          {others.map((u) => (
            <label key={u.id} className="check">
              <input type="checkbox" checked={picked.includes(u.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, u.id] : picked.filter((x) => x !== u.id))} />
              {u.name}
            </label>
          ))}
        </fieldset>
      )}
      {labels.includes(t.actions.rate) && (
        <label>
          {t.inbox.score}
          <select value={score} onChange={(e) => setScore(Number(e.target.value))}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.inbox.note}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {buttons.map(([label, onClick, disabled]) => (
        <button key={label} type="button" onClick={onClick} disabled={disabled}>
          {label}
        </button>
      ))}
    </div>
  );
}
