import { Anchor, Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type RollCallView } from '../../../shared/domain/activities';
import type { ErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../../app/i18n';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import './roll-call.css';

/** The keys that mark a row, by their place (an Arabic layout types other letters there): P, A, E, or 1, 2, 3. */
const KEYS: Record<string, AttendanceStatus> = {
  KeyP: 'present',
  KeyA: 'absent',
  KeyE: 'excused',
  Digit1: 'present',
  Digit2: 'absent',
  Digit3: 'excused',
  Numpad1: 'present',
  Numpad2: 'absent',
  Numpad3: 'excused',
};
const KEY_HINT: Record<AttendanceStatus, string> = { present: 'P · 1', absent: 'A · 2', excused: 'E · 3' };
const COLOURS: Record<AttendanceStatus, string> = { present: 'green', absent: 'red', excused: 'yellow' };

/**
 * One session's roll call, for a tablet-sized window and the keyboard: the arrows move from
 * one visitor to the next, P/A/E (or 1/2/3) mark her, and one Save writes the whole roll in
 * one call. Each row says its mark in words; the colour only repeats it. A grid of marks
 * rather than a react-hook-form form: nothing is typed, and main's refusal names the rows.
 */
export function RollCallPage({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const format = useDeskFormat();
  const [roll, setRoll] = useState<RollCallView | null>(null);
  const [marks, setMarks] = useState<Map<number, AttendanceStatus>>(new Map());
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const focused = useRef(false);
  const takes = mayCall(user, 'activities.saveRollCall');

  const show = useCallback((view: RollCallView) => {
    setRoll(view);
    setMarks(new Map(view.rows.flatMap((r) => (r.status ? [[r.visitorId, r.status] as const] : []))));
  }, []);
  useEffect(() => {
    void api.activities.rollCall({ sessionId }).then((result) => (result.ok ? show(result.value) : setLoadError(errorMessage(t, result.error))));
  }, [api, sessionId, show, t]);
  useEffect(() => {
    if (!roll || focused.current || roll.rows.length === 0) return;
    focused.current = true;
    rows.current[0]?.focus();
  }, [roll]);

  if (!roll) return <ErrorAlert message={loadError} />;
  const { activity, session } = roll;
  const when = `${format.wallMoment(session.startsWall)} – ${session.endsWall.slice(11)}`;
  const mark = (visitorId: number, status: AttendanceStatus) => setMarks((current) => new Map(current).set(visitorId, status));
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, [...marks.values()].filter((m) => m === s).length])) as Record<AttendanceStatus, number>;
  const unmarked = roll.rows.length - marks.size;
  const wrongRows = new Set(Object.keys(failure?.fields ?? {}).map((path) => Number(/^marks\.(\d+)\./.exec(path)?.[1] ?? -1)));
  const order = roll.rows.filter((r) => marks.has(r.visitorId));

  const onKey = (index: number, visitorId: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'Home' ? -index : event.key === 'End' ? roll.rows.length - 1 - index : 0;
    if (move !== 0) {
      event.preventDefault();
      rows.current[Math.min(Math.max(index + move, 0), roll.rows.length - 1)]?.focus();
      return;
    }
    const status = KEYS[event.code];
    if (status && takes) {
      event.preventDefault();
      mark(visitorId, status);
      // Marked, the next one is ready: a roll is taken top to bottom.
      rows.current[Math.min(index + 1, roll.rows.length - 1)]?.focus();
    }
  };

  const save = async () => {
    setBusy(true);
    const result = await api.activities.saveRollCall({ sessionId, marks: order.map((r) => ({ visitorId: r.visitorId, status: marks.get(r.visitorId) as AttendanceStatus })) });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    show(result.value);
    notify(t, 'success', t('activities.roll.saved', { count: result.value.rows.filter((r) => r.status !== null).length }));
  };

  return (
    <Stack maw={960} gap="md" className="roll-call">
      <PageHeader title={<bdi>{activity.title}</bdi>} description={t('activities.roll.description', { when })} />
      <Text size="sm" id="roll-keys">
        {t('activities.roll.keys')}
      </Text>
      <Group gap="sm" data-testid="roll-counts" aria-live="polite">
        {ATTENDANCE_STATUSES.map((s) => (
          <Badge key={s} variant="light" color={COLOURS[s]} size="lg">
            {t(`activities.roll.count.${s}`, { count: counts[s] })}
          </Badge>
        ))}
        <Badge variant="outline" color="gray" size="lg">
          {t('activities.roll.count.unmarked', { count: unmarked })}
        </Badge>
      </Group>
      {roll.rows.length === 0 ? (
        <Text c="dimmed" data-testid="roll-empty">
          {t('activities.roll.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="lg" p={0} role="list" aria-describedby="roll-keys">
          {roll.rows.map((row, index) => {
            const status = marks.get(row.visitorId) ?? null;
            const wrong = wrongRows.has(order.findIndex((o) => o.visitorId === row.visitorId));
            return (
              <div
                key={row.visitorId}
                role="listitem"
                ref={(element) => {
                  rows.current[index] = element;
                }}
                tabIndex={0}
                aria-label={`${row.visitorLabel} : ${status ? t(`activities.attendance.${status}`) : t('activities.roll.notMarked')}`}
                onKeyDown={onKey(index, row.visitorId)}
                className="roll-call-row"
                data-status={status ?? 'none'}
                data-wrong={wrong || undefined}
                data-testid="roll-row"
              >
                <Text fw={700} className="roll-call-name">
                  <bdi>{row.visitorLabel}</bdi>
                </Text>
                <Text className="roll-call-state" fw={600} data-testid="roll-state">
                  {status ? t(`activities.attendance.${status}`) : t('activities.roll.notMarked')}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  {ATTENDANCE_STATUSES.map((s) => (
                    <UnstyledButton
                      key={s}
                      tabIndex={-1}
                      aria-pressed={status === s}
                      disabled={!takes}
                      className="roll-call-choice"
                      data-choice={s}
                      onClick={() => mark(row.visitorId, s)}
                    >
                      <span>{t(`activities.attendance.${s}`)}</span>
                      <span className="roll-call-key" aria-hidden="true">
                        {KEY_HINT[s]}
                      </span>
                    </UnstyledButton>
                  ))}
                </Group>
              </div>
            );
          })}
        </Paper>
      )}
      <ErrorAlert message={failure ? errorMessage(t, failure) : null} />
      <Group justify="space-between">
        <Anchor component={Link} to={`/activities/${activity.id}`} size="sm">
          {t('activities.roll.back')}
        </Anchor>
        {takes ? (
          <Button size="lg" onClick={() => void save()} loading={busy} disabled={marks.size === 0} data-testid="roll-save">
            {t('activities.roll.save')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
