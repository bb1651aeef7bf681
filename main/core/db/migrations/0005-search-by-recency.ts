import type { Migration } from './types';

/**
 * The search index keyed by recency, so that a search reads only the matches it shows.
 *
 * Results are listed most recent activity first. With the index keyed by visitor id, a
 * fragment shared by every visitor (the desk's code prefix `NDR-2…`, the year) made the
 * search fetch and sort all 100,000 matches: 25–80 ms, the whole tail of the search's
 * latency. Keyed by `search_rank` instead — a number each visitor gets anew whenever
 * something happens to her, larger than every other — FTS5 gives the matches in
 * recency order itself (`ORDER BY rowid DESC`) and stops after the first page.
 *
 * Ranks follow the recorded activity (then the id); the index is contentless, so its
 * text cannot be read back and is built again from the rows. The folding is written out
 * here, not imported: this file must keep making the same index whatever the domain's
 * folding becomes (shared/domain/search-text.ts and visitors/service.ts `searchTextOf`
 * as they stood at version 5). An anonymised visitor keeps her code only, as before.
 */
function foldAtVersion5(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Row {
  search_rank: number;
  code: string;
  first_name: string | null;
  last_name: string | null;
  alias: string | null;
  phone: string | null;
  anonymised_at: string | null;
}

function searchTextAtVersion5(row: Row): string {
  if (row.anonymised_at) return foldAtVersion5(row.code);
  const phoneDigits = row.phone ? row.phone.replace(/\D/g, '') : '';
  const localPhone = row.phone?.startsWith('+212') ? `0${row.phone.slice(4)}` : '';
  return foldAtVersion5([row.code, row.first_name, row.last_name, row.alias, phoneDigits, localPhone].filter(Boolean).join(' '));
}

export const migration: Migration = {
  version: 5,
  name: 'search-by-recency',
  up(db) {
    db.exec(`
      ALTER TABLE visitors ADD COLUMN search_rank INTEGER;
      UPDATE visitors SET search_rank = ranked.rank
        FROM (SELECT id, row_number() OVER (ORDER BY last_activity_at, id) AS rank FROM visitors) AS ranked
        WHERE ranked.id = visitors.id;
      CREATE UNIQUE INDEX visitors_by_search_rank ON visitors(search_rank);

      DROP TABLE visitor_search;
      CREATE VIRTUAL TABLE visitor_search USING fts5(
        text, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1
      );
    `);
    const rows = db.prepare('SELECT search_rank, code, first_name, last_name, alias, phone, anonymised_at FROM visitors ORDER BY search_rank').all() as Row[];
    const insert = db.prepare('INSERT INTO visitor_search (rowid, text) VALUES (?, ?)');
    for (const row of rows) {
      const text = searchTextAtVersion5(row);
      if (text) insert.run(row.search_rank, text);
    }
  },
};
