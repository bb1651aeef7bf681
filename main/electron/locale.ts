/**
 * The shell speaks the user's language: Chromium's `--lang` sets what the page reads as
 * `navigator.language`, the language of its own menus and spell checker, and of anything
 * the browser formats itself. It must be set before the app is ready, when no one is
 * logged in yet, so it follows `desk.json`: the language the last person used here.
 */
import { join } from 'node:path';
import type { Language } from '../../shared/domain/accounts';
import { DESK_FILE } from '../core/desk';
import { readDeskLanguage } from '../core/settings/desk-language';

/** Chromium's UI locales: French, Arabic, British English (as the renderer formats them). */
const CHROMIUM_LOCALES: Record<Language, string> = { fr: 'fr', ar: 'ar', en: 'en-GB' };

export function chromiumLocaleOf(language: Language): string {
  return CHROMIUM_LOCALES[language];
}

/** The `--lang` value for the desk whose data folder is `dataDir`. */
export function shellLocale(dataDir: string): string {
  return chromiumLocaleOf(readDeskLanguage(join(dataDir, DESK_FILE)));
}
