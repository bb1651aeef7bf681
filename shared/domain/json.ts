export interface JsonLimits {
  /** How many arrays and objects may nest inside one another (the value itself is the first). */
  maxDepth: number;
  /** How many values in all, the value itself, every element and every property included. */
  maxValues: number;
}

/**
 * Why a value is not plain JSON data within the limits, or null if it is: null, true
 * and false, finite numbers, strings, arrays without holes and plain objects, nothing
 * else (no undefined, NaN, BigInt, function, symbol, Map, Date or class instance).
 * `tooLarge` when it holds more values than allowed, `invalid` for anything else,
 * a cycle included: a cycle never ends, so it goes past the depth limit.
 *
 * Walked with a stack of its own, never by recursion: a value nested 20,000 deep
 * cannot overflow the call stack here, and once it is accepted JSON.stringify cannot
 * either. The walk stops at the first problem, and never visits more than
 * `maxValues` values.
 */
export function jsonProblem(value: unknown, limits: JsonLimits): 'invalid' | 'tooLarge' | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let seen = 1;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const current = next.value;
    if (current === null || typeof current === 'boolean' || typeof current === 'string') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'invalid';
      continue;
    }
    if (typeof current !== 'object') return 'invalid';
    if (next.depth > limits.maxDepth) return 'invalid';
    const depth = next.depth + 1;
    if (Array.isArray(current)) {
      if (Object.getPrototypeOf(current) !== Array.prototype) return 'invalid';
      seen += current.length;
      if (seen > limits.maxValues) return 'tooLarge';
      for (let index = 0; index < current.length; index++) {
        // A hole would come out as null: not what was given.
        if (!Object.prototype.hasOwnProperty.call(current, index)) return 'invalid';
        pending.push({ value: current[index], depth });
      }
    } else {
      const prototype: unknown = Object.getPrototypeOf(current);
      if (prototype !== Object.prototype && prototype !== null) return 'invalid';
      // Symbol keys would be dropped silently.
      if (Object.getOwnPropertySymbols(current).length > 0) return 'invalid';
      const keys = Object.keys(current);
      seen += keys.length;
      if (seen > limits.maxValues) return 'tooLarge';
      for (const key of keys) pending.push({ value: (current as Record<string, unknown>)[key], depth });
    }
  }
  return null;
}
