import type { AnyModel } from './model';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Connection } from 'mongoose';
import { paginate, type PageArgs } from './connection';
import { ErrorCode } from './errors';
import type { Identity } from './identity';
import { isId } from './ids';
import { entitySchema } from './model';
import { trusted } from './mongo';
import { requireDateTime, requireOrder } from './validate';

/**
 * Access records (访问审计, PIPL art. 55): every read of a field marked `@access(data: …)` and every mutation, refused
 * ones included, appends one record per request to the department's own `audit_records`. The model refuses updates and deletes; only
 * scripts/purge-audit.ts removes records, older than the retention (≥ 3 years, docs/security.md).
 */
export const AUDIT_COLLECTION = 'audit_records';

export const auditSchema = entitySchema(AUDIT_COLLECTION, {
  /** ISO 8601 UTC instant; a string so cursors and the purge compare it as they store it. */
  at: { type: String, required: true },
  requestId: { type: String, required: true },
  answeredBy: { type: String, required: true },
  subject: { type: String, default: null },
  role: { type: String, default: null },
  department: { type: String, default: null },
  purpose: { type: String, default: null },
  operationName: { type: String, default: null },
  operationType: { type: String, required: true },
  entityIds: { type: [String], default: [] },
  fields: { type: [String], default: [] },
  /** Mutation fields refused (FORBIDDEN, UNAUTHENTICATED): the attempt is recorded, nothing was changed. */
  refused: { type: [String], default: [] },
});
auditSchema.index({ at: -1 });
auditSchema.index({ subject: 1, at: -1 });
auditSchema.index({ entityIds: 1 });
// Append-only in the application: the driver-level purge is the one exception.
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'] as const) {
  auditSchema.pre(op, function refuse() {
    throw new Error(`${AUDIT_COLLECTION} is append-only`);
  });
}
export const auditModel = (connection: Connection): AnyModel => connection.model('AuditRecord', auditSchema);

/** What one request read and changed in one department. */
export class AuditTrail {
  readonly fields = new Set<string>();
  readonly entityIds = new Set<string>();
  read(field: string, entity: unknown): void {
    this.fields.add(field);
    const id = (entity as { _id?: unknown; id?: unknown } | null)?._id ?? (entity as { id?: unknown } | null)?.id;
    if (typeof id === 'string') this.entityIds.add(id);
  }
}

const trails = new WeakMap<object, AuditTrail>();
/** The request's trail, keyed by the resolver context object Apollo passes to every resolver of one request. */
export const trailOf = (ctx: object): AuditTrail => {
  let trail = trails.get(ctx);
  if (!trail) trails.set(ctx, (trail = new AuditTrail()));
  return trail;
};

function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 4 || value === null || value === undefined) return;
  if (isId(value)) into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => collectIds(v, into, depth + 1));
  else if (typeof value === 'object') Object.values(value).forEach((v) => collectIds(v, into, depth + 1));
}

/**
 * Writes the request's record before the answer leaves. When the record cannot be written the answer is withheld
 * (fail closed): personal data is never served without its access record.
 */
export function auditPlugin(model: AnyModel, department: string): ApolloServerPlugin<{ identity: Identity | null; requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, operationName, request, response }) {
          const trail = trailOf(contextValue);
          const isMutation = operation?.operation === 'mutation';
          if (trail.fields.size === 0 && !isMutation) return;
          const ids = new Set(trail.entityIds);
          const fields = new Set(trail.fields);
          const refused: string[] = [];
          if (isMutation) {
            const op = operation as OperationDefinitionNode;
            const names = new Map<string, string>();
            for (const sel of op.selectionSet.selections) {
              if (sel.kind !== Kind.FIELD) continue;
              fields.add(`Mutation.${sel.name.value}`);
              names.set(sel.alias?.value ?? sel.name.value, sel.name.value);
            }
            collectIds(request.variables, ids);
            if (response.body.kind === 'single') {
              collectIds(response.body.singleResult.data, ids);
              for (const error of response.body.singleResult.errors ?? []) {
                const code = error.extensions?.code;
                const key = error.path?.length === 1 ? String(error.path[0]) : undefined;
                if (key && (code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED)) refused.push(`Mutation.${names.get(key) ?? key}`);
              }
            }
          }
          const identity = contextValue.identity;
          try {
            await model.create({
              at: new Date().toISOString(),
              requestId: contextValue.requestId,
              answeredBy: department,
              subject: identity?.subject ?? null,
              role: identity?.role ?? null,
              department: identity?.department ?? null,
              purpose: identity?.purpose ?? null,
              operationName: operationName ?? null,
              operationType: operation?.operation ?? 'unknown',
              entityIds: [...ids],
              fields: [...fields].sort(),
              refused: refused.sort(),
            });
          } catch {
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'the access record could not be written; nothing is served without one', extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } },
              ];
            }
          }
        },
      };
    },
  };
}

/** `civil-affairs` → `civilAffairsAuditRecords`: one root field per department, so composition keeps them apart. */
export const auditFieldName = (department: string) => `${department.replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}AuditRecords`;

/** The SDL the kit adds to every department: its audit query, readable by auditors only. */
export const auditTypeDefs = (department: string) => `
extend type Query {
  "Access records (访问审计记录) of ${department}, newest first; auditors only."
  ${auditFieldName(department)}(subject: String, entityId: ID, from: String, to: String, first: Int, after: String): AuditRecordConnection! @access(roles: ["AUDITOR"])
}
`;

interface AuditArgs extends PageArgs {
  subject?: string | null;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Resolvers for the audit query and its types (the same in every department). */
export function auditResolvers(department: string, model: (ctx: unknown) => AnyModel) {
  return {
    Query: {
      [auditFieldName(department)]: async (_: unknown, args: AuditArgs, ctx: unknown) => {
        const filter: Record<string, unknown> = {};
        if (args.subject != null) filter.subject = String(args.subject);
        if (args.entityId != null) filter.entityIds = String(args.entityId);
        const from = args.from != null ? requireDateTime(args.from, 'from').toISOString() : undefined;
        const to = args.to != null ? requireDateTime(args.to, 'to').toISOString() : undefined;
        if (from && to) requireOrder(from, to, ['from', 'to']);
        if (from || to) filter.at = trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) });
        return paginate(model(ctx), filter, { at: -1 }, args);
      },
    },
    // Records written before refusals were recorded have no `refused`.
    AuditRecord: { id: (doc: { _id: string }) => doc._id, refused: (doc: { refused?: string[] }) => doc.refused ?? [] },
  };
}
