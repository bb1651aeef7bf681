import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The rules that fired on `code`, linted as if it were the file at `filePath`. */
async function rulesFiredOn(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

const SQL = `import type { Db } from '../db/database';
import { statement } from '../db/statements';
export function count(db: Db): unknown {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN IMMEDIATE');
  statement(db, 'SELECT 1').get();
  return db.prepare('SELECT count(*) FROM visitors').get();
}
`;

describe('SQL only in a service or db/ (eslint.config.js)', () => {
  it('flags prepare, exec, pragma and statement() anywhere else in main', async () => {
    for (const file of ['main/core/visitors/handlers.ts', 'main/core/router.ts', 'main/core/keys/rotation.ts', 'main/electron/main.ts']) {
      expect(await rulesFiredOn(SQL, file), file).toEqual(Array(4).fill('no-restricted-syntax'));
    }
  });

  it('lets a domain’s service, main/core/db/, the folder lock and the tests hold SQL', async () => {
    for (const file of ['main/core/visitors/service.ts', 'main/core/consents/service.ts', 'main/core/db/transaction.ts', 'main/core/storage/folder-lock.ts', 'tests/unit/example.test.ts']) {
      expect(await rulesFiredOn(SQL, file), file).toEqual([]);
    }
  });

  it('leaves a regular expression’s exec alone', async () => {
    expect(await rulesFiredOn(`export const roles = (text: string) => /^roles: (\\w+)$/.exec(text);\n`, 'shared/domain/audit.ts')).toEqual([]);
  });
});
