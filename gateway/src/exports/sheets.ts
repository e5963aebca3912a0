import { CATEGORY_LABELS } from '@cg/kit/labels';

/**
 * What each export holds (导出): the two ledgers and three lists (两台账三清单), the measures and the overdue list,
 * as sheets of Chinese-headed columns, each filled by GraphQL operations the gateway runs for the caller, page by page.
 */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Row = { [key: string]: Json };
type Cell = string | number | null;
export interface Column {
  header: string;
  width?: number;
  value(row: Row): Cell;
}
/** Runs one operation as the caller; throws ExportError on any error. */
export type Run = (query: string, variables: Record<string, unknown>) => Promise<Row>;
export interface Scope {
  from?: string;
  to?: string;
  communityId?: string;
  gridId?: string;
  unitId?: string;
}
export interface Sheet {
  title: string;
  columns: Column[];
  rows(run: Run, scope: Scope): AsyncGenerator<Row[]>;
}

const KIND_LABELS: Record<string, string> = { COMMUNITY: '社区', PROPERTY: '物业', CONSTRUCTION: '住建', LAW_ENFORCEMENT: '执法', JOINT_BUILDING: '共建单位' };
/** The value at a dotted path of a GraphQL answer (null when absent). */
const at = (value: Json, path: string): Json => path.split('.').reduce<Json>((v, key) => (v && typeof v === 'object' && !Array.isArray(v) ? (v[key] ?? null) : null), value);
const cell = (v: Json): Cell => (typeof v === 'string' || typeof v === 'number' ? v : v == null ? null : String(v));
const rowsAt = (data: Row, path: string) => (at(data, path) ?? []) as Row[];
const label = (labels: Record<string, string>) => (code: Json) => (typeof code === 'string' ? (labels[code] ?? code) : null);
const category = label(CATEGORY_LABELS);
const kind = label(KIND_LABELS);
/** A column showing the value at `path`, through `format` when given. */
const col = (header: string, path: string, width = 12, format: (v: Json) => Cell = cell): Column => ({ header, width, value: (r) => format(at(r, path)) });
const num = (header: string, path: string) => col(header, path);

/** A ledger's scope: cases submitted in [from, to); a period is required. */
const ledgerScope = (scope: Scope) => ({ from: scope.from, to: scope.to, communityId: scope.communityId, gridId: scope.gridId, unitId: scope.unitId });
const once = (fetch: (run: Run, scope: Scope) => Promise<Row[]>) =>
  async function* rows(run: Run, scope: Scope) {
    yield await fetch(run, scope);
  };

/**
 * A ledger (台账): one operation over the cases of a period, a row for each line of its answer: the columns naming
 * the line (`selection` asks for them), then its counts, header → field.
 */
const ledger = (title: string, field: string, selection: string, naming: Column[], counts: Record<string, string>): Sheet => ({
  title,
  columns: [...naming, ...Object.entries(counts).map(([header, path]) => num(header, path))],
  rows: once(async (run, scope) =>
    rowsAt(await run(`query($s: JointCaseScope!) { ${field}(scope: $s) { ${selection} ${Object.values(counts).join(' ')} } }`, { s: ledgerScope(scope) }), field),
  ),
});

const publicSentiment = ledger(
  '民情台账',
  'publicSentimentLedger',
  'grid { code name } category',
  [col('网格编码', 'grid.code'), col('网格', 'grid.name', 20), col('类别', 'category', 12, category)],
  { 受理: 'received', 回单: 'handled', 审定: 'resolved', 评价: 'rated', 满意: 'satisfied' },
);
const government = ledger('政务台账', 'governmentLedger', 'unit { name kind }', [col('单位', 'unit.name', 24), col('类型', 'unit.kind', 12, kind)], {
  受理任务: 'received',
  办结: 'resolved',
  按期办结: 'onTime',
  超期: 'overdue',
  吹哨: 'whistleCalls',
  按时报到: 'reportedOnTime',
});

const THREE_LISTS = `query($c: ID!) { threeLists(communityId: $c) { problems { category open overdue } resources { name kind department categories }
  responsibilities { unit { name kind } categories openLeadTasks } } }`;
const threeLists = (pick: string) => async (run: Run, scope: Scope) => rowsAt(await run(THREE_LISTS, { c: scope.communityId }), `threeLists.${pick}`);
const categories = (v: Json) => (Array.isArray(v) ? v.map((c) => category(c)).join('、') : null);

const problems: Sheet = { title: '问题清单', columns: [col('类别', 'category', 12, category), num('未办结', 'open'), num('超期', 'overdue')], rows: once(threeLists('problems')) };
const resources: Sheet = {
  title: '资源清单',
  columns: [col('单位', 'name', 24), col('类型', 'kind', 12, kind), col('责任类别', 'categories', 30, categories)],
  rows: once(threeLists('resources')),
};
const responsibilities: Sheet = {
  title: '责任清单',
  columns: [col('单位', 'unit.name', 24), col('类型', 'unit.kind', 12, kind), col('责任类别', 'categories', 30, categories), num('牵头未办结', 'openLeadTasks')],
  rows: once(threeLists('responsibilities')),
};

const MEASURES: Array<[string, string]> = [
  ['cases', '受理量'],
  ['dispatched', '派单量'],
  ['responded', '接单量'],
  ['handled', '回单量'],
  ['resolved', '审定量'],
  ['onTime', '按期处置'],
  ['overdue', '超期'],
  ['reworked', '返工'],
  ['rated', '评价'],
  ['satisfied', '满意'],
  ['whistled', '吹哨'],
  ['reportsDue', '应报到'],
  ['reportsOnTime', '按时报到'],
  ['resolvedInGrid', '网格内解决'],
  ['resolvedInCommunity', '社区内解决'],
  ['responseRate', '响应率'],
  ['resolutionRate', '解决率'],
  ['onTimeRate', '按期处置率'],
  ['overdueRate', '超期率'],
  ['reworkRate', '返工率'],
  ['satisfactionRate', '满意率'],
  ['whistleRate', '吹哨率'],
  ['reportOnTimeRate', '报到及时率'],
  ['inGridShare', '小事不出网格率'],
  ['inCommunityShare', '大事不出社区率'],
];
const measures: Sheet = {
  title: '考核指标',
  columns: [col('指标', 'label', 18), col('字段', 'key', 20), num('数值', 'value')],
  rows: once(async (run, scope) => {
    const m = await run(`query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { ${MEASURES.map(([k]) => k).join(' ')} } }`, { s: ledgerScope(scope) });
    return MEASURES.map(([key, text]) => ({ key, label: text, value: at(m, `jointCaseMeasures.${key}`) }));
  }),
};

/** 超期清单: overdue cases, 100 a page through the supervision list (personal fields as the caller may see them). */
const PAGE = 100;
const overdue: Sheet = {
  title: '超期清单',
  columns: [
    col('案件编号', 'id', 26),
    col('类别', 'category', 12, category),
    col('紧急程度', 'urgency'),
    col('状态', 'status', 14),
    col('问题描述', 'description', 30),
    col('受理时间', 'submittedAt', 26),
    col('办理时限', 'dueAt', 26),
    col('网格', 'grid.code'),
    col('牵头单位', 'leadUnit.name', 24),
    col('报事人', 'reporter.name'),
    col('联系电话', 'reporter.phone', 16),
  ],
  async *rows(run, scope) {
    let after: Json = null;
    do {
      const page = await run(
        `query($c: ID, $g: ID, $f: Int, $a: String) { supervisionList(withinHours: 0, communityId: $c, gridId: $g, first: $f, after: $a) {
        edges { node { id category urgency status description submittedAt dueAt overdue grid { code } leadUnit { name } reporter { name phone } } } pageInfo { hasNextPage endCursor } } }`,
        { c: scope.communityId, g: scope.gridId, f: PAGE, a: after },
      );
      yield rowsAt(page, 'supervisionList.edges')
        .map((e) => at(e, 'node') as Row)
        .filter((n) => n.overdue === true);
      after = at(page, 'supervisionList.pageInfo.hasNextPage') === true ? at(page, 'supervisionList.pageInfo.endCursor') : null;
    } while (after);
  },
};

/** Export name → its sheets, and what its scope needs. CSV serves the one-sheet exports. */
export const EXPORTS: Record<string, { title: string; sheets: Sheet[]; needs: Array<'period' | 'community'> }> = {
  ledgers: { title: '两台账', sheets: [publicSentiment, government], needs: ['period'] },
  'public-sentiment-ledger': { title: '民情台账', sheets: [publicSentiment], needs: ['period'] },
  'government-ledger': { title: '政务台账', sheets: [government], needs: ['period'] },
  'three-lists': { title: '三清单', sheets: [problems, resources, responsibilities], needs: ['community'] },
  'problem-list': { title: '问题清单', sheets: [problems], needs: ['community'] },
  'resource-list': { title: '资源清单', sheets: [resources], needs: ['community'] },
  'responsibility-list': { title: '责任清单', sheets: [responsibilities], needs: ['community'] },
  measures: { title: '考核指标', sheets: [measures], needs: ['period'] },
  overdue: { title: '超期清单', sheets: [overdue], needs: [] },
};
