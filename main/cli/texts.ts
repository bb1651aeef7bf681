import i18next from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../shared/domain/accounts';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };

/**
 * The command line speaks from the app's own catalogues (shared/i18n), through i18next
 * as the renderer does: the app's error texts carry i18next plurals (`auth.throttled_few`
 * in Arabic), which a hand-made lookup would have to re-implement. An instance of its own,
 * so nothing here depends on a global i18next that something else may configure.
 */
const catalogue = i18next.createInstance();
void catalogue.init({
  resources: { fr: { translation: fr }, ar: { translation: ar }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Plain text for a terminal: nothing to escape, and values are never read as nested keys.
  interpolation: { escapeValue: false, skipOnVariables: true },
  initAsync: false,
  returnNull: false,
});

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** Every key of the catalogues (English has the fewest plural forms): a mistyped key is a type error. */
export type TextKey = WithoutPlural<Leaves<typeof en>>;
export type TextValues = Record<string, string | number>;

let language: Language = DEFAULT_LANGUAGE;
/** Set by --language or GUICHET_LANGUAGE: then nothing else changes the language of this run. */
let pinned = false;

export function t(key: TextKey, values: TextValues = {}): string {
  return catalogue.t(key, { ...values, lng: language });
}

/** For keys made from a code (`errors.${code}`): whether this language has it, with its plural if any. */
export function hasText(key: string, values: TextValues = {}): boolean {
  return catalogue.exists(key, { ...values, lng: language });
}

export function textOf(key: string, values: TextValues = {}): string {
  return catalogue.t(key, { ...values, lng: language });
}

export function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The language chosen by the person at the terminal (the option, else the variable): it holds for the whole run. */
export function pinLanguage(chosen: Language): void {
  language = chosen;
  pinned = true;
}

/** The desk's language, or the account's once she is logged in, unless the person chose one. */
export function speakUnlessPinned(suggested: Language): void {
  if (!pinned) language = suggested;
}

export function currentLanguage(): Language {
  return language;
}
