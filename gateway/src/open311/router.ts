import express, { type NextFunction, type Request, type Response } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Identity } from '@cg/kit';
import { verifyAuthorization, TokenRefused, type AuthOptions } from '../auth';
import type { OperationRequest, OperationResult } from './execute';
import { rateLimit } from '../limits';
import { CASE_FIELDS, CLOSED_STATUSES, placeOf, serviceRequest, SERVICES, STATUS_NOTES, type CaseView } from './mapping';

/**
 * Open311 GeoReport v2 for civic-tech clients: a thin REST layer whose every read and write is a GraphQL operation
 * run through this gateway as the caller (executeAs), so the departments' access rules and scopes apply unchanged —
 * a resident's key lists that resident's cases only. The key (`api_key`, or an `Authorization: Bearer` header) is
 * a token of ours; a token bound to a contract is refused here. JSON only; errors are the specification's
 * `[{ "code": <HTTP status>, "description": "…" }]`.
 */
interface Open311Options {
  auth: AuthOptions;
  limiter: RateLimiterAbstract;
  execute(identity: Identity, request: OperationRequest): Promise<OperationResult>;
}

class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };
const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

export function open311Router(options: Open311Options) {
  const router = express.Router();
  const identityOf = async (req: Request, res: Response): Promise<Identity> => {
    const key = (req.query.api_key ?? (req.body as Record<string, unknown> | undefined)?.api_key) as unknown;
    const header = typeof key === 'string' && key ? `Bearer ${key}` : req.header('authorization');
    if (!header) throw new Open311Error(401, 'api_key is required: a token of the community governance API (a resident token to submit)');
    try {
      const verified = await verifyAuthorization(header, req.header('x-purpose'), options.auth);
      if (verified?.contract) throw new TokenRefused(`this key is bound to the contract "${verified.contract}"`);
      res.locals.identity = verified!.identity;
      return verified!.identity;
    } catch (error) {
      if (error instanceof TokenRefused) throw new Open311Error(403, `invalid api_key: ${error.message}`);
      throw error;
    }
  };
  const run = async <T>(identity: Identity, query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await options.execute(identity, { query, variables });
    const error = result.errors?.[0];
    if (error && (!result.data || Object.values(result.data).every((v) => v === null))) {
      throw new Open311Error(STATUS_OF[String(error.extensions?.code)] ?? 502, error.message);
    }
    return result.data as T;
  };
  const handle = (fn: (req: Request, res: Response) => Promise<unknown>) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (req.params.format !== 'json') throw new Open311Error(400, 'only the JSON format is served: use the .json resource');
      res.status(req.method === 'POST' ? 201 : 200).json(await fn(req, res));
    } catch (error) {
      if (!(error instanceof Open311Error)) return next(error);
      res.status(error.status).json([{ code: error.status, description: error.message }]);
    }
  };

  router.use(express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' }));
  router.get(
    '/services.:format',
    handle(async (req, res) => (await identityOf(req, res), SERVICES)),
  );

  router.get(
    '/requests/:id.:format',
    handle(async (req, res) => {
      const identity = await identityOf(req, res);
      const data = await run<{ jointCase: CaseView | null }>(identity, `query Open311Request($id: ID!) { jointCase(id: $id) { ${CASE_FIELDS} } }`, { id: req.params.id });
      if (!data.jointCase) throw new Open311Error(404, `no service request ${req.params.id}`);
      return [serviceRequest(data.jointCase)];
    }),
  );

  router.get(
    '/requests.:format',
    handle(async (req, res) => {
      const identity = await identityOf(req, res);
      const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
      const ids = param('service_request_id')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids?.length) {
        // Explicit ids: every other parameter is ignored (the specification's rule).
        const found: CaseView[] = [];
        for (const id of ids.slice(0, MAX_REQUESTS)) {
          const data = await run<{ jointCase: CaseView | null }>(identity, `query Open311Request($id: ID!) { jointCase(id: $id) { ${CASE_FIELDS} } }`, { id }).catch(
            (error: unknown) => {
              if (error instanceof Open311Error && [403, 404].includes(error.status)) return { jointCase: null };
              throw error;
            },
          );
          if (data.jointCase) found.push(data.jointCase);
        }
        return found.map(serviceRequest);
      }
      const code = param('service_code');
      if (code !== undefined && !SERVICES.some((s) => s.service_code === code)) throw new Open311Error(400, `unknown service_code ${code}`);
      const status = param('status');
      if (status !== undefined && !['open', 'closed'].includes(status)) throw new Open311Error(400, 'status must be open or closed');
      const date = (name: string) => {
        const value = param(name);
        if (value !== undefined && Number.isNaN(Date.parse(value))) throw new Open311Error(400, `${name} must be an ISO 8601 date and time`);
        return value === undefined ? undefined : Date.parse(value);
      };
      const end = date('end_date') ?? Date.now();
      const start = date('start_date') ?? end - DEFAULT_DAYS * 86_400_000;
      const statuses = status === undefined ? undefined : Object.keys(STATUS_NOTES).filter((s) => CLOSED_STATUSES.includes(s) === (status === 'closed'));
      const filter = { ...(code ? { category: code } : {}), ...(statuses ? { status: statuses } : {}) };
      const out: CaseView[] = [];
      // Newest first: stop at the first page that reaches past start_date.
      for (let after: string | null = null, more = true; more && out.length < MAX_REQUESTS;) {
        const data: { jointCases: { edges: Array<{ node: CaseView }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await run(
          identity,
          `query Open311Requests($filter: JointCaseFilter, $after: String) { jointCases(filter: $filter, first: 100, after: $after) { edges { node { ${CASE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
          { filter, after },
        );
        const nodes = data.jointCases.edges.map((e) => e.node);
        out.push(...nodes.filter((n) => Date.parse(n.submittedAt) >= start && Date.parse(n.submittedAt) <= end));
        more = data.jointCases.pageInfo.hasNextPage && nodes.every((n) => Date.parse(n.submittedAt) >= start);
        after = data.jointCases.pageInfo.endCursor;
      }
      return out.slice(0, MAX_REQUESTS).map(serviceRequest);
    }),
  );

  router.post(
    '/requests.:format',
    handle(async (req, res) => {
      const identity = await identityOf(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (name: string) => (typeof body[name] === 'string' && (body[name] as string).trim() ? (body[name] as string).trim() : undefined);
      const code = text('service_code');
      if (!code) throw new Open311Error(400, 'service_code is required');
      if (!SERVICES.some((s) => s.service_code === code)) throw new Open311Error(400, `unknown service_code ${code}`);
      const description = text('description');
      if (!description) throw new Open311Error(400, 'description is required');
      const addressId = text('address_id');
      if (!addressId) throw new Open311Error(400, 'address_id is required (a dwelling or building id, e.g. unit:<id>); lat/long and address_string are not located here');
      // A resident reports for themselves; staff name the resident (account_id).
      const reporterId = identity.role === 'RESIDENT' ? identity.subject : text('account_id');
      if (!reporterId) throw new Open311Error(400, 'account_id (the resident reporting) is required for a staff key');
      const idempotencyKey = req.header('idempotency-key');
      const input = { reporterId, ...placeOf(addressId), category: code, description, ...(idempotencyKey ? { idempotencyKey } : {}) };
      const data = await run<{ submitJointCase: { id: string; dueAt: string } }>(
        identity,
        'mutation Open311Submit($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { id dueAt } }',
        { input },
      );
      const created = data.submitJointCase;
      return [
        { service_request_id: created.id, service_notice: `点单 received; time limit (办理时限) ${created.dueAt}`, account_id: identity.role === 'RESIDENT' ? null : reporterId },
      ];
    }),
  );
  // Per caller, like /graphql (the identity is known once the key is checked, so the limit applies by address first).
  return [rateLimit(options.limiter), router];
}
