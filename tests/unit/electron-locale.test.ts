import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_FILE } from '../../main/core/desk';
import { chromiumLocaleOf, shellLocale } from '../../main/electron/locale';
import { LANGUAGES } from '../../shared/domain/accounts';
import { ADMIN, openTestDesk, removeDir, tempDataDir } from '../support/desk';

const folders: string[] = [];
function folder(): string {
  const dir = tempDataDir('guichet-locale-');
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) removeDir(dir);
});

describe("the shell's locale (Chromium's --lang)", () => {
  it('is a locale Chromium ships for each of the three languages', () => {
    expect(LANGUAGES.map(chromiumLocaleOf)).toEqual(['fr', 'ar', 'en-GB']);
  });

  it('follows the language the desk last used, as the core writes it in desk.json', async () => {
    const test = openTestDesk(folder());
    await test.ok('setup.create', { ...ADMIN, language: 'ar' });
    test.close();
    expect(shellLocale(test.dir)).toBe('ar');
  });

  it('is French on a new desk, and when desk.json is unreadable or names no known language', () => {
    const dir = folder();
    expect(shellLocale(dir)).toBe('fr');
    writeFileSync(join(dir, DESK_FILE), '{ not json');
    expect(shellLocale(dir)).toBe('fr');
    writeFileSync(join(dir, DESK_FILE), JSON.stringify({ language: 'de' }));
    expect(shellLocale(dir)).toBe('fr');
    writeFileSync(join(dir, DESK_FILE), JSON.stringify({ language: 'en' }));
    expect(shellLocale(dir)).toBe('en-GB');
  });
});
