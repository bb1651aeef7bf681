import { format, getDay, parse, startOfWeek } from 'date-fns';
import { arMA, enGB, fr } from 'date-fns/locale';
import type { TFunction } from 'i18next';
import { dateFnsLocalizer, type Formats, type Messages } from 'react-big-calendar';
import type { Language } from '../../../shared/domain/accounts';

/**
 * react-big-calendar speaks date-fns 4 in the user's language (Moroccan Arabic month names,
 * French, British English), weeks from Monday as at the desk, a 24-hour clock.
 */
export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }),
  getDay,
  locales: { fr, ar: arMA, en: enGB },
});

const range = (start: Date, end: Date, culture: string | undefined, pattern: string) =>
  `${localizer.format(start, pattern, culture)} – ${localizer.format(end, pattern, culture)}`;

export const FORMATS: Formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start, end }, culture) => range(start, end, culture, 'HH:mm'),
  selectRangeFormat: ({ start, end }, culture) => range(start, end, culture, 'HH:mm'),
  dayFormat: 'EEEE d',
  dayHeaderFormat: 'EEEE d MMMM yyyy',
  dayRangeHeaderFormat: ({ start, end }, culture) => range(start, end, culture, 'd MMMM yyyy'),
};

export function calendarCulture(language: Language): string {
  return language;
}

export function calendarMessages(t: TFunction): Messages {
  return {
    today: t('appointments.schedule.today'),
    previous: t('appointments.schedule.previous'),
    next: t('appointments.schedule.next'),
    day: t('appointments.schedule.day'),
    week: t('appointments.schedule.week'),
    time: t('appointments.schedule.time'),
    event: t('appointments.schedule.appointment'),
    noEventsInRange: t('appointments.schedule.empty'),
  };
}
