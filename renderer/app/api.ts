import { createContext, useContext } from 'react';
import type { Api } from '../../shared/contract';
import type { ErrorInfo, Result } from '../../shared/errors';

type Call = (input: unknown) => Promise<Result<unknown>>;

/**
 * Wraps `window.api` so that every answer passes by `onError`: an `auth.locked`
 * from any call sends the whole UI to the lock screen. A call that rejects (the
 * channel itself failed) becomes `call.internal`: screens only ever see results.
 */
export function createApiClient(raw: Api, onError: (error: ErrorInfo) => void): Api {
  const client: Record<string, unknown> = {};
  for (const [domain, group] of Object.entries(raw as unknown as Record<string, unknown>)) {
    if (typeof group === 'function') {
      client[domain] = group;
      continue;
    }
    const wrapped: Record<string, Call> = {};
    for (const [method, call] of Object.entries(group as Record<string, Call>)) {
      wrapped[method] = async (input) => {
        let result: Result<unknown>;
        try {
          result = await call(input);
        } catch {
          result = { ok: false, error: { code: 'call.internal' } };
        }
        if (!result.ok) onError(result.error);
        return result;
      };
    }
    client[domain] = wrapped;
  }
  return client as unknown as Api;
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
