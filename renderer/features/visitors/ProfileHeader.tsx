import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { bandOf, fullName, useCountryName } from './labels';

/** Who this is: the code, and (here only, never in lists) her names, to be sure it is her. */
export function ProfileHeader({ profile, actions }: { profile: VisitorProfile; actions: ReactNode }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const format = useDeskFormat();
  const { visitor } = profile;
  const { fields } = visitor;
  const name = fullName(fields);
  const age =
    visitor.age === null
      ? visitor.birthYearBand
        ? t('profile.birthYearBand', bandOf(visitor.birthYearBand))
        : null
      : `${fields.birthYearEstimated ? '≈ ' : ''}${t('visitors.age', { count: visitor.age })}`;
  const facts = [t(`sexes.${visitor.sex}`), age, country(visitor.nationality)].filter(Boolean);

  return (
    <Stack gap="md" mb="lg">
      {visitor.anonymised ? (
        <Alert color="gray" variant="filled" icon={<Icon name="eraser" />} title={t('profile.anonymisedTitle')} data-testid="anonymised-banner">
          {t('profile.anonymisedBanner', { date: format.instant(visitor.updatedAt) })}
        </Alert>
      ) : null}
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {t('profile.code')}
            </Text>
            <Title order={1} tabIndex={-1} size="h2" className="guichet-mono" data-testid="profile-code">
              <bdi dir="ltr">{visitor.code}</bdi>
            </Title>
            {name || fields.alias ? (
              <Group gap="sm" data-testid="profile-names">
                {name ? (
                  <Text fw={600} size="lg">
                    <bdi>{name}</bdi>
                  </Text>
                ) : null}
                {fields.alias ? (
                  <Text c="dimmed">
                    {t('profile.aliasShown')} <bdi>{fields.alias}</bdi>
                  </Text>
                ) : null}
              </Group>
            ) : visitor.anonymised ? null : (
              <Text c="dimmed" size="sm">
                {t('profile.noNames')}
              </Text>
            )}
            <Group gap={6}>
              <Text size="sm">{facts.join(' · ')}</Text>
              {fields.interpreterNeeded && fields.interpreterLanguage ? (
                <Badge variant="light" color="violet" tt="none">
                  {t('profile.interpreter', { language: t(`spokenLanguages.${fields.interpreterLanguage}`) })}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Group gap="sm">{actions}</Group>
        </Group>
      </Paper>
    </Stack>
  );
}
