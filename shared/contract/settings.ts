import { z } from 'zod';
import { procedure } from './define';
import { deskSettingsSchema, type DeskSettings } from '../domain/settings';

export const settingsProcedures = {
  'settings.get': procedure<DeskSettings>()({
    input: z.object({}),
    access: 'session',
    audit: false,
  }),
  'settings.update': procedure<DeskSettings>()({
    input: deskSettingsSchema.partial(),
    access: ['admin'],
    audit: { kind: 'write', entity: 'settings' },
  }),
};
