import type { Db } from '../db/database';
import { DEFAULT_SETTINGS, deskSettingsSchema, type DeskSettings } from '../../../shared/domain/settings';

export function readSettings(db: Db): DeskSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const parsed = deskSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function writeSettings(db: Db, changes: Partial<DeskSettings>, userId: number, now: Date): DeskSettings {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value), now.toISOString(), userId);
  }
  return readSettings(db);
}
