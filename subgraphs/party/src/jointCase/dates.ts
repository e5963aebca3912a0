/** Dates leave as ISO 8601 strings (UTC), null stays null. */
export const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());

/** Resolvers turning the named Date fields of a nested object into ISO strings. */
export const isoFields = (...fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, (parent: Record<string, Date | null | undefined>) => iso(parent[f])]));
