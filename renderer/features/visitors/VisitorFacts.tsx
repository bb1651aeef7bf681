import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { shortName, useCountryName } from './labels';

/** The code, then what lists may show of a person: alias or initials, sex, age, nationality. */
export function VisitorFacts({ visitor }: { visitor: VisitorListItem }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const name = shortName(visitor);
  return (
    <Group gap="xs" wrap="wrap">
      <Text fw={700} className="guichet-mono" dir="ltr" span>
        {visitor.code}
      </Text>
      {name ? (
        <Text span fw={500}>
          <bdi>{name}</bdi>
        </Text>
      ) : null}
      <Text span c="dimmed" size="sm">
        {[t(`sexes.${visitor.sex}`), visitor.age === null ? null : t('visitors.age', { count: visitor.age }), country(visitor.nationality)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {visitor.anonymised ? (
        <Badge color="gray" variant="light">
          {t('visitors.anonymisedBadge')}
        </Badge>
      ) : null}
    </Group>
  );
}
