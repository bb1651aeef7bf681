import { readFileSync } from 'node:fs';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/domain/accounts';
import { writeFileAtomic } from '../storage/atomic-write';

/**
 * The language the login and setup screens open in: the last one used at this desk.
 * Kept beside the vault in `desk.json`, since it is needed while the database is locked.
 */
export function readDeskLanguage(file: string): Language {
  try {
    const { language } = JSON.parse(readFileSync(file, 'utf8')) as { language?: string };
    if (LANGUAGES.includes(language as Language)) return language as Language;
  } catch {
    // no preference yet
  }
  return DEFAULT_LANGUAGE;
}

export function writeDeskLanguage(file: string, language: Language): void {
  if (language !== readDeskLanguage(file)) writeFileAtomic(file, JSON.stringify({ language }));
}
