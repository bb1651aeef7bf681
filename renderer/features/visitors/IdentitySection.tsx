import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { VISITOR_FIELD_NAMES, VISITOR_FIELDS, type VisitorFieldName } from '../../../shared/domain/visitor-fields';
import { bandOf, useFieldValue } from './labels';

/** The profile's facts, in the field table's order. */
const SHOWN = VISITOR_FIELD_NAMES.filter((name) => VISITOR_FIELDS[name].shownOnProfile);

/** Everything the desk knows of her identity, field by field. */
export function IdentitySection({ profile, canEdit }: { profile: VisitorProfile; canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useDeskFormat();
  const value = useFieldValue();
  const { visitor } = profile;
  const { fields } = visitor;

  const shown = (field: VisitorFieldName): string => {
    if (field === 'birthYear') {
      if (fields.birthYear === null) return visitor.birthYearBand ? t('profile.birthYearBand', bandOf(visitor.birthYearBand)) : t('visitorFields.empty');
      return fields.birthYearEstimated ? t('profile.birthYearEstimated', { year: fields.birthYear }) : String(fields.birthYear);
    }
    // Erased for good: said so, rather than shown at its empty value ("0 children").
    if (visitor.anonymised && VISITOR_FIELDS[field].erasedOnAnonymisation) return t('profile.erased');
    if (field === 'interpreterLanguage') return fields.interpreterNeeded ? value(field, fields.interpreterLanguage) : t('profile.noInterpreter');
    return value(field, fields[field]);
  };

  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={650}>{t('profile.identityTitle')}</Text>
          {canEdit ? (
            <Button variant="default" leftSection={<Icon name="edit" size={18} />} onClick={() => navigate(`/visitors/${visitor.id}/edit`)}>
              {t('profile.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md" component="dl" className="guichet-facts">
          {SHOWN.map((field) => (
            <div key={field}>
              <Text component="dt" size="xs" c="dimmed" fw={500}>
                {t(`visitorFields.${VISITOR_FIELDS[field].label}`)}
              </Text>
              <Text component="dd" size="sm" fw={500} data-field={field}>
                {field === 'phone' && fields.phone ? <bdi dir="ltr">{shown(field)}</bdi> : <bdi>{shown(field)}</bdi>}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('profile.registeredOn', { date: format.instant(visitor.createdAt), updated: format.instant(visitor.updatedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
