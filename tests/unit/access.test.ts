import { describe, expect, it } from 'vitest';
import { mayCall } from '../../shared/contract/access';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { DESTINATIONS, mayGo } from '../../renderer/app/navigation';
import { deskWithStaff, loginAs } from '../support/desk';

/** What a page or a button offers is what the router accepts: both read the contract's access. */
describe('who may call what', () => {
  it('mayCall answers for every procedure exactly as the router does, for each role', async () => {
    const t = await deskWithStaff();
    try {
      for (const role of ['desk', 'psychologist', 'admin'] as const) {
        const member = t.staff[role];
        await loginAs(t, member);
        const user = t.desk.currentUser;
        for (const name of PROCEDURE_NAMES) {
          // Only the access check matters: a malformed input is refused after it. These two act on an empty input.
          if (name === 'auth.lock' || name === 'keys.rotate') continue;
          const result = await t.router.dispatch(t.desk, name, { __probe: true });
          const refused = !result.ok && result.error.code === 'call.forbidden';
          expect({ role, name, allowed: !refused }).toEqual({ role, name, allowed: mayCall(user, name) });
          if (!t.desk.currentUser) await loginAs(t, member);
        }
        await t.desk.lock('button');
      }
    } finally {
      t.close();
    }
  });

  it('the navigation offers a place exactly to whoever may make the call its page opens with', async () => {
    const t = await deskWithStaff();
    try {
      for (const role of ['desk', 'psychologist', 'admin'] as const) {
        await loginAs(t, t.staff[role]);
        const user = t.desk.currentUser;
        if (!user) throw new Error('no session');
        const offered = DESTINATIONS.filter((d) => mayGo(user, d)).map((d) => d.key);
        // The schedule for everyone; today's arrivals and tomorrow's calls for desk work; "my day" and
        // "my hours" for a psychologist; everyone's hours, places, kinds and interpreters for administrators.
        const expected = {
          desk: ['home', 'visitors', 'followUps', 'today', 'schedule', 'calls', 'childcare', 'reassign', 'partners', 'activities', 'events', 'account'],
          psychologist: ['home', 'visitors', 'followUps', 'today', 'myDay', 'schedule', 'calls', 'childcare', 'reassign', 'partners', 'activities', 'events', 'myHours', 'account'],
          admin: ['home', 'visitors', 'followUps', 'schedule', 'reassign', 'partners', 'activities', 'events', 'account', 'users', 'places', 'sessionKinds', 'activityKinds', 'interpreters', 'teamHours', 'anonymisation', 'audit', 'settings', 'backups', 'notesAccess'],
        };
        expect(offered).toEqual(expected[role]);
        expect(mayCall(user, 'visitors.register')).toBe(role !== 'admin');
      }
    } finally {
      t.close();
    }
  });
});
