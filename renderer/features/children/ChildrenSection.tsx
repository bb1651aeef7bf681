import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../shared/contract/access';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { ChildView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { BookChildDialog } from '../childcare/BookChildDialog';
import { BookChildrenDialog } from '../childcare/BookChildrenDialog';
import { AllergyNote } from '../childcare/AllergyNote';
import { ChildFormModal } from './ChildFormModal';
import { ageLabel, childName } from './labels';

/** Her children on her profile: who they are, their allergies, who may collect them; add, edit, book. */
export function ChildrenSection({ profile, canEdit }: { profile: VisitorProfile; canEdit: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const motherId = profile.visitor.id;
  const [children, setChildren] = useState<ChildView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<RecordTarget<ChildView>>(null);
  const [booking, setBooking] = useState<ChildView | null>(null);
  const [bookingActivity, setBookingActivity] = useState(false);
  const books = canEdit && mayCall(user, 'childcare.book');

  const load = useCallback(
    () =>
      api.children.ofMother({ visitorId: motherId }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setChildren(result.value);
      }),
    [api, motherId, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const all = children ?? [];
  const bookable = all.filter((c) => !c.anonymised);
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="children-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2} size="h4" id="children-title">
              {t('children.section.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('children.section.hint')}
            </Text>
          </Stack>
          <Group gap="sm">
            {books && bookable.length > 0 ? (
              <Button variant="default" leftSection={<Icon name="calendarCheck" size={18} />} onClick={() => setBookingActivity(true)}>
                {t('children.section.bookActivity')}
              </Button>
            ) : null}
            {canEdit ? (
              <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setEditing('new')}>
                {t('children.section.add')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <ErrorAlert message={error} />
        {children && children.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="children-empty">
            {t('children.section.empty')}
          </Text>
        ) : null}
        {children && children.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" data-testid="children-table">
              <Table.Caption>{t('children.section.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('children.list.child')}</Table.Th>
                  <Table.Th>{t('children.list.age')}</Table.Th>
                  <Table.Th>{t('children.list.sex')}</Table.Th>
                  <Table.Th>{t('children.list.allergies')}</Table.Th>
                  <Table.Th>{t('children.list.collectors')}</Table.Th>
                  <Table.Th>{t('children.list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {children.map((child) => {
                  const name = childName(t, child, children);
                  return (
                    <Table.Tr key={child.id} data-testid="child-row">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          <bdi>{name}</bdi>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ageLabel(t, child.ageMonths)}</Text>
                        {child.birthDate === null ? (
                          <Text size="xs" c="dimmed">
                            {t('children.list.approximate')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`sexes.${child.sex}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <AllergyNote allergies={child.allergies} />
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm">{t('children.adults.mother')}</Text>
                          {child.adults.map((adult) => (
                            <Text size="sm" key={adult.id}>
                              <bdi>{adult.name}</bdi> · {t(`children.values.relations.${adult.relation}`)}
                              {adult.phone ? (
                                <>
                                  {' · '}
                                  <bdi dir="ltr">{adult.phone}</bdi>
                                </>
                              ) : null}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {child.anonymised ? (
                          <Badge variant="light" color="gray" tt="none">
                            {t('children.list.anonymised')}
                          </Badge>
                        ) : (
                          <Group gap={6} wrap="nowrap">
                            {canEdit ? (
                              <Button size="compact-sm" variant="default" leftSection={<Icon name="edit" size={16} />} onClick={() => setEditing(child)} aria-label={t('children.list.editFor', { child: name })}>
                                {t('children.list.edit')}
                              </Button>
                            ) : null}
                            {books ? (
                              <Button size="compact-sm" variant="light" onClick={() => setBooking(child)} aria-label={t('children.list.bookFor', { child: name })}>
                                {t('children.list.book')}
                              </Button>
                            ) : null}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <ChildFormModal
        motherId={motherId}
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void load();
        }}
      />
      <BookChildDialog child={booking} childLabel={booking ? childName(t, booking, all) : ''} onClose={() => setBooking(null)} />
      <BookChildrenDialog opened={bookingActivity} motherId={motherId} activityId={null} onClose={() => setBookingActivity(false)} />
    </Paper>
  );
}
