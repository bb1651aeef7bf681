import type { HandlersFor } from '../router';
import { readSettings, writeSettings } from './service';

export const settingsHandlers: HandlersFor<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, { desk }) => readSettings(desk.requireSession().db),
  'settings.update': (changes, { desk }) => {
    const { db, user } = desk.requireSession();
    return writeSettings(db, changes, user.id, desk.now());
  },
};
