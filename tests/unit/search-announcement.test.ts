import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, SettledAnnouncer } from '../../renderer/features/visitors/settled-announcer';

describe('the search status for screen readers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says only the last status, once typing has settled, not one per keystroke', () => {
    const spoken: string[] = [];
    const announcer = new SettledAnnouncer((message) => spoken.push(message));
    announcer.show('Tapez au moins 3 lettres ou chiffres pour lancer la recherche.');
    vi.advanceTimersByTime(120);
    announcer.show('12 personnes trouvées.');
    vi.advanceTimersByTime(120);
    announcer.show('3 personnes trouvées.');
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(spoken).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(spoken).toEqual(['3 personnes trouvées.']);
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(spoken).toEqual(['3 personnes trouvées.']);
  });

  it('says the same words again when they answer a new query', () => {
    const spoken: string[] = [];
    const announcer = new SettledAnnouncer((message) => spoken.push(message));
    announcer.show('1 personne trouvée.');
    vi.advanceTimersByTime(SETTLE_MS);
    announcer.show('1 personne trouvée.');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(spoken).toEqual(['1 personne trouvée.', '1 personne trouvée.']);
  });

  it('says nothing for an empty status, nor once the screen is gone', () => {
    const spoken: string[] = [];
    const announcer = new SettledAnnouncer((message) => spoken.push(message));
    announcer.show('2 personnes trouvées.');
    announcer.show('');
    vi.advanceTimersByTime(SETTLE_MS * 2);
    announcer.show('4 personnes trouvées.');
    announcer.close();
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(spoken).toEqual([]);
  });
});
