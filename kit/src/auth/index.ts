export * from './policy';
export * from './enforce';
export * from './signing';
export * from './identity-codec';
export * from './policy-table';
