import { Badge, Button, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InterpreterView, PsychologistView } from '../../../shared/domain/listening';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { Icon } from '../../ui/icons';
import { ListPage, useListed } from '../../ui/ListPage';
import { SpokenLanguageBadges } from './SpokenLanguageBadges';

interface Person {
  key: string;
  name: string;
  kind: 'psychologist' | 'interpreter' | 'mediator';
  languages: string[];
  active: boolean;
  path: string;
}

function people(psychologists: PsychologistView[], interpreters: InterpreterView[]): Person[] {
  return [
    ...psychologists.map((p) => ({ key: `u${p.id}`, name: p.displayName, kind: 'psychologist' as const, languages: p.languages, active: p.active, path: `/availability/psychologist/${p.id}` })),
    ...interpreters.map((i) => ({ key: `i${i.id}`, name: i.name, kind: i.kind, languages: i.languages, active: i.active, path: `/availability/interpreter/${i.id}` })),
  ];
}

/** Whose hours an administrator can set: every psychologist and every interpreter or mediator. */
export function TeamHoursPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { items: team, error } = useListed(
    useCallback(
      (): Promise<Result<Person[]>> =>
        Promise.all([api.availability.psychologists({}), api.interpreters.list({ includeInactive: true })]).then(([psychologists, interpreters]) => {
          if (!psychologists.ok) return psychologists;
          if (!interpreters.ok) return interpreters;
          return { ok: true, value: people(psychologists.value, interpreters.value) };
        }),
      [api],
    ),
  );

  return (
    <ListPage
      title={t('availability.team.title')}
      description={t('availability.team.intro')}
      items={team}
      error={error}
      empty={{ text: t('availability.team.empty') }}
      columns={{
        headings: [t('availability.team.name'), t('availability.team.kind'), t('availability.team.languages'), t('availability.team.status')],
        actions: t('availability.team.actions'),
      }}
      tableTestId="team-table"
      row={(person) => (
        <Table.Tr key={person.key} data-testid="team-row">
          <Table.Td>
            <Text size="sm" fw={600}>
              <bdi>{person.name}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={person.kind === 'psychologist' ? 'grape' : 'teal'} tt="none">
              {t(`availability.team.kinds.${person.kind}`)}
            </Badge>
          </Table.Td>
          <Table.Td maw={420}>
            <SpokenLanguageBadges languages={person.languages} />
          </Table.Td>
          <Table.Td>
            <ActiveBadge active={person.active} label={t(person.active ? 'availability.team.active' : 'availability.team.inactive')} />
          </Table.Td>
          <Table.Td ta="end">
            <Button
              component={Link}
              to={person.path}
              variant="default"
              size="xs"
              leftSection={<Icon name="clock" size={16} />}
              aria-label={t('availability.team.openFor', { name: person.name })}
            >
              {t('availability.team.open')}
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
