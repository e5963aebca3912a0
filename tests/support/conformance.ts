/** What the conformance kit passes in every department that follows the protocol, whatever its schema. */
export const PROTOCOL_CHECKS = [
  'GET /health/live',
  'GET /health/ready',
  'unsigned request refused',
  'altered body refused',
  'expired request refused',
  'replayed request refused',
  'composes with the current supergraph',
];
