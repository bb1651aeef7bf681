import type { Result } from '../errors';
import type { Api, DeskEvent } from './index';

/**
 * Builds `window.api` from the procedure names: `api.users.create(input)` calls
 * `call('users.create', input)`. The preload uses it over IPC; the e2e harness uses it
 * over Playwright's binding, so both expose exactly the same object.
 *
 * It must stay self-contained (no imports at run time): the e2e harness injects its
 * source text into the page.
 */
export function createWindowApi(
  names: readonly string[],
  call: (name: string, input: unknown) => Promise<Result<unknown>>,
  subscribe: (listener: (event: DeskEvent) => void) => () => void,
): Api {
  const api: Record<string, unknown> = {};
  for (const name of names) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const method = name.slice(dot + 1);
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[method] = (input: unknown) => call(name, input === undefined ? {} : input);
  }
  api.onEvent = subscribe;
  return api as unknown as Api;
}
