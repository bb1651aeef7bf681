import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InterpreterView, PsychologistView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { PageHeader } from '../../ui/PageHeader';

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
  const [team, setTeam] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([api.availability.psychologists({}), api.interpreters.list({ includeInactive: true })]).then(([psychologists, interpreters]) => {
      if (!psychologists.ok) return setError(errorMessage(t, psychologists.error));
      if (!interpreters.ok) return setError(errorMessage(t, interpreters.error));
      setTeam(people(psychologists.value, interpreters.value));
    });
  }, [api, t]);

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader title={t('availability.team.title')} description={t('availability.team.intro')} />
      <ErrorAlert message={error} />
      {team === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : team.length === 0 ? (
        <Paper withBorder radius="lg" p="xl">
          <Text c="dimmed" ta="center">
            {t('availability.team.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="team-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('availability.team.name')}</Table.Th>
                <Table.Th>{t('availability.team.kind')}</Table.Th>
                <Table.Th>{t('availability.team.languages')}</Table.Th>
                <Table.Th>{t('availability.team.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('availability.team.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.map((person) => (
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
                    <Group gap={4}>
                      {person.languages.map((language) => (
                        <Badge key={language} size="sm" variant="outline" color="gray" tt="none">
                          {t(`spokenLanguages.${language}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={person.active ? 'green' : 'gray'}>
                      {t(person.active ? 'availability.team.active' : 'availability.team.inactive')}
                    </Badge>
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
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
