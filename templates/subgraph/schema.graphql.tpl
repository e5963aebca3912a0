# Who may use what (docs/security.md): the default below covers every type without its own @access; every Query and
# Mutation field names its roles. Composition fails and the department does not start while one is missing.
# Per-partner schemas (docs/partners.md): `@tag(name: …)` puts a type or field into the contracts of schema/contracts/
# that include the tag, e.g. `__entities__(…): … @access(…) @tag(name: "response-unit")` on a root field and
# `type __Entity__ @key(fields: "id") @tag(name: "response-unit")` on its type; untagged, it stays out of them.
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag"])
  @access(roles: ["GRID_WORKER", "PARTY_SECRETARY", "DEPARTMENT_CLERK", "SERVICE"])

"""
__Title__: __Entity__ records about residents (居民), each answered by this department from its own database.
"""
type Query {
  "One __Entity__ by id; null when there is none."
  __entity__(id: ID!): __Entity__ @access(roles: ["GRID_WORKER", "PARTY_SECRETARY", "DEPARTMENT_CLERK", "SERVICE"])
  "__Entity__ records, newest first, a page at a time (分页)."
  __entities__(first: Int = 20, after: String): __Entity__Connection! @access(roles: ["GRID_WORKER", "PARTY_SECRETARY", "DEPARTMENT_CLERK", "SERVICE"])
}

type Mutation {
  "Records one __Entity__ about a resident (居民); a retry with the same idempotencyKey returns the first record."
  create__Entity__(input: Create__Entity__Input!): __Entity__! @access(roles: ["DEPARTMENT_CLERK"], departments: ["__name__"])
}

input Create__Entity__Input {
  "The resident (居民, owned by civil affairs) the record is about."
  residentId: ID!
  "What happened, in a line."
  summary: String!
  "When it happened (发生日期), YYYY-MM-DD."
  occurredOn: String!
  idempotencyKey: String
}

"__Entity__ (__Title__)."
type __Entity__ @key(fields: "id") {
  id: ID!
  resident: Resident!
  summary: String!
  "When it happened (发生日期), YYYY-MM-DD."
  occurredOn: String!
  "Who recorded it (记录人); null when anonymous."
  recordedBy: String
}

"A page of __Entity__ records."
type __Entity__Connection {
  totalCount: Int!
  edges: [__Entity__Edge!]!
  pageInfo: PageInfo!
}

type __Entity__Edge {
  cursor: String!
  node: __Entity__!
}

"Resident (居民), owned by civil affairs; __name__ adds its records."
type Resident @key(fields: "id") {
  id: ID!
  "__Entity__ records about this resident, newest first."
  __entities__: [__Entity__!]!
}
