import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/domain/accounts';
import type { ErrorInfo } from '../../shared/errors';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };

/**
 * Resources are bundled (nothing is fetched). Keys are nested; an error code such as
 * `auth.invalidCredentials` is found at `errors.auth.invalidCredentials` with the
 * default '.' separator, which is why codes and keys share their dotted shape.
 */
void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, ar: { translation: ar }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['fr', 'ar', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export const i18n = i18next;

/** The message for an error answered by main, with its params (seconds become a plural count). */
export function errorMessage(t: TFunction, error: ErrorInfo): string {
  const params = { ...error.params };
  // A clash names what clashed as kinds (`psychologist,room`); the words are the catalogue's.
  if (typeof params.clashes === 'string') {
    params.clashes = params.clashes
      .split(',')
      .map((kind) => t(`scheduling.clashKinds.${kind}`))
      .join(t('common.listSeparator'));
  }
  const count = typeof params.seconds === 'number' ? params.seconds : undefined;
  const key = `errors.${error.code}`;
  if (i18next.exists(key, count === undefined ? {} : { count })) return t(key, { ...params, count });
  return t('errors.call.internal');
}

/** The message for one field's code: `fields.<code>`, or the error of the same code, or a generic one. */
export function fieldMessage(t: TFunction, code: string): string {
  if (i18next.exists(`fields.${code}`)) return t(`fields.${code}`);
  if (i18next.exists(`errors.${code}`)) return t(`errors.${code}`);
  return t('fields.invalid');
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
