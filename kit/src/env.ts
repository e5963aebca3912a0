/**
 * A positive, finite number from the environment, or `fallback` when unset; anything else is a configuration error
 * naming the variable, so a typo stops the process at start rather than disabling a limit.
 */
export function positiveFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: "${env[name]}" is not a positive number`);
  return value;
}
