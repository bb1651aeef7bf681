import type { TFunction } from 'i18next';
import { Fragment, type ReactNode } from 'react';

const MARK = '\u0001';

/**
 * A translated sentence whose named values (a person's name, a login, a code) are each
 * drawn in a <bdi>, so that "Aïssatou فاطمة" inside an Arabic sentence, or an Arabic name
 * inside a French one, keeps its own direction and does not drag the words around it.
 * The text itself is unchanged: no invisible isolate characters are added.
 */
export function isolatedT(t: TFunction, key: string, values: Record<string, string | number>, isolate: readonly string[]): ReactNode {
  const marked = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, isolate.includes(name) ? `${MARK}${name}${MARK}` : value]));
  const parts = t(key, marked).split(MARK);
  // Split on the marks, the odd parts are the names of the isolated values.
  return parts.map((part, index) =>
    index % 2 === 1 && isolate.includes(part) ? <bdi key={index}>{String(values[part])}</bdi> : <Fragment key={index}>{part}</Fragment>,
  );
}
