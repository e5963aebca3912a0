import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { auditTypeDefs } from './audit';

const commonSdl = readFileSync(path.join(__dirname, '..', 'schema', 'common.graphql'), 'utf8');

/**
 * A department's `schema.graphql` plus the kit's shared types (PageInfo, @access, AuditRecord) and the department's
 * audit query (named after its folder), as served and as composed.
 */
export const loadTypeDefs = (schemaPath: string) => parse(`${readFileSync(schemaPath, 'utf8')}\n${commonSdl}\n${auditTypeDefs(path.basename(path.dirname(schemaPath)))}`);
