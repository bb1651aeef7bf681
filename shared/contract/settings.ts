import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES } from '../domain/accounts';
import { deskSettingsSchema, type DeskSettings } from '../domain/settings';

export const settingsProcedures = {
  'settings.get': procedure<DeskSettings>()({
    input: z.object({}),
    access: 'session',
    audit: false,
  }),
  'settings.update': procedure<DeskSettings>()({
    input: deskSettingsSchema.partial(),
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'settings' },
  }),
};
