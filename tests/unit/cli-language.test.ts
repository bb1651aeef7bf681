import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands';
import { runGuichet, text, type Run } from '../support/cli';
import { removeDir, tempDataDir, TestClock } from '../support/desk';

/**
 * The language of the command line: `--language` before the command, else GUICHET_LANGUAGE,
 * else the account's once she is logged in, else the desk's (desk.json), else French. Every
 * run here leaves the language unpinned unless the test says otherwise, and the texts it
 * expects are the catalogues' own.
 */

const clock = new TestClock();
const ADMIN = Object.freeze({ login: 'samira', name: 'Samira Admin', password: 'the desk opens at nine' });
const asAdmin = { GUICHET_LOGIN: ADMIN.login, GUICHET_PASSWORD: ADMIN.password };
const wrongPassword = { GUICHET_LOGIN: ADMIN.login, GUICHET_PASSWORD: 'not the right password' };

let home: string;
let data: string;

function guichet(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runGuichet(args, { clock, home, env });
}

/** What the app's login screen would open in next: the last language used at this desk. */
function deskLanguageIs(language: 'fr' | 'ar' | 'en'): void {
  writeFileSync(join(data, 'desk.json'), JSON.stringify({ language }));
}

function count(run: Run): number {
  return Number(/\d+/.exec(run.stdout)?.[0]);
}

beforeAll(() => {
  home = tempDataDir('guichet-cli-language-');
  data = join(home, 'data');
});

afterAll(() => removeDir(home));

describe('the language of the command line', () => {
  it('sets up a desk in the language init is given, and speaks it', async () => {
    const run = await guichet(['init', '--data', data, '--admin', ADMIN.login, '--name', ADMIN.name, '--language', 'ar', '--organisation', 'Tadamon'], { GUICHET_PASSWORD: ADMIN.password });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(text('ar', 'cli.init.keepItSafe'));
    expect(run.stdout).toMatch(/^ {4}[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}$/m);
  });

  it("speaks the desk's language from desk.json when nothing is given", async () => {
    deskLanguageIs('fr');
    const french = await guichet(['status', '--data', data]);
    deskLanguageIs('en');
    const english = await guichet(['status', '--data', data]);

    expect(french.code).toBe(0);
    expect(french.stdout).toContain(text('fr', 'cli.status.locked'));
    expect(french.stdout).toContain(text('fr', 'cli.status.deskLanguage', { language: 'Français (fr)' }));
    expect(english.stdout).toContain(text('en', 'cli.status.locked'));
  });

  it('prints the help in French and in Arabic, with the commands and options in English', async () => {
    const french = await guichet(['--language', 'fr', '--help']);
    const arabic = await guichet(['--help'], { GUICHET_LANGUAGE: 'ar' });
    const commandHelp = await guichet(['--language', 'ar', 'user', 'add', '--help']);

    expect(french.code).toBe(0);
    expect(arabic.code).toBe(0);
    for (const command of COMMANDS) {
      expect(french.stdout).toContain(`  ${command.name} `);
      expect(french.stdout).toContain(text('fr', command.summary));
      expect(arabic.stdout).toContain(text('ar', command.summary));
    }
    expect(arabic.stdout).toContain(text('ar', 'cli.help.commands'));
    expect(commandHelp.stdout).toContain(text('ar', 'cli.help.usage', { synopsis: 'guichet user add [--data DIR] --login LOGIN' }));
    expect(commandHelp.stdout).toContain(text('ar', 'cli.userAdd.options.roles', { roles: 'desk, psychologist, admin' }));
  });

  it('reports an error in French and in Arabic on one line, the code in Latin letters', async () => {
    deskLanguageIs('fr');
    const french = await guichet(['user', 'list', '--data', data], wrongPassword);
    const arabic = await guichet(['--language', 'ar', 'user', 'list', '--data', data], wrongPassword);

    expect(french).toMatchObject({ code: 1, stdout: '' });
    expect(french.stderr).toBe('guichet: erreur auth.invalidCredentials — Identifiant ou mot de passe incorrect.\n');
    expect(arabic).toMatchObject({ code: 1, stdout: '' });
    expect(arabic.stderr).toBe(`guichet: ${text('ar', 'cli.error')} auth.invalidCredentials — ${text('ar', 'errors.auth.invalidCredentials')}\n`);
  });

  it('lets --language win over GUICHET_LANGUAGE and desk.json, and the variable over desk.json', async () => {
    deskLanguageIs('ar');
    const option = await guichet(['--language', 'en', 'status', '--data', data], { GUICHET_LANGUAGE: 'fr' });
    const variable = await guichet(['status', '--data', data], { GUICHET_LANGUAGE: 'fr' });

    expect(option.stdout).toContain(text('en', 'cli.status.locked'));
    expect(variable.stdout).toContain(text('fr', 'cli.status.locked'));
  });

  it("speaks the administrator's own language once she is logged in, unless a language was chosen", async () => {
    // Her account speaks Arabic (init --language ar); a French-speaking colleague used the desk last.
    deskLanguageIs('fr');
    const hers = await guichet(['audit', 'verify', '--data', data], asAdmin);
    deskLanguageIs('fr');
    const chosen = await guichet(['audit', 'verify', '--data', data], { ...asAdmin, GUICHET_LANGUAGE: 'en' });
    deskLanguageIs('fr');
    const refused = await guichet(['audit', 'verify', '--data', data], wrongPassword);

    expect(hers).toMatchObject({ code: 0, stderr: '' });
    expect(hers.stdout).toBe(`${text('ar', 'cli.auditVerify.holds', { count: count(hers) })}\n`);
    expect(chosen.stdout).toBe(`${text('en', 'cli.auditVerify.holds', { count: count(chosen) })}\n`);
    // Before anyone is logged in, the desk's language.
    expect(refused.stderr).toMatch(/^guichet: erreur auth\.invalidCredentials — /);
  });

  it('refuses a language it does not speak, and a --language after a command, as usage errors', async () => {
    const variable = await guichet(['status', '--data', data], { GUICHET_LANGUAGE: 'de' });
    const option = await guichet(['--language', 'de', 'status', '--data', data]);
    const misplaced = await guichet(['--language', 'en', 'status', '--data', data, '--language', 'ar']);

    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('GUICHET_LANGUAGE');
    expect(option.code).toBe(2);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain(text('en', 'cli.usage.languageBeforeCommand', { language: 'ar', command: 'status' }));
  });
});
