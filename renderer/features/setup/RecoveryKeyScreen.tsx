import { Alert, Button, Group, List, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AuthLayout } from '../../ui/AuthLayout';
import { TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { Secret } from '../../ui/Secret';
import { AuthHeading } from '../../ui/AuthHeading';

/** As the core reads a typed key: case, spaces and the usual confusions (O/0, I/L/1) do not matter. */
function normaliseGroup(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Two different groups, at random, for the person to type back from her paper copy. */
function pickTwoGroups(count: number): [number, number] {
  const first = Math.floor(Math.random() * count);
  let second = Math.floor(Math.random() * (count - 1));
  if (second >= first) second += 1;
  return first < second ? [first, second] : [second, first];
}

/**
 * The recovery key, shown once right after setup: for the organisation's safe.
 * The person must type two of its groups back before going on, which shows she
 * has really written it down.
 */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useTranslation();
  const groups = recoveryKey.split('-');
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [asked] = useState(() => pickTwoGroups(groups.length));

  if (step === 'show') {
    return (
      <AuthLayout width={680}>
        <Stack gap="lg">
          <AuthHeading title={t('recoveryKey.title')} intro={t('recoveryKey.intro')} />
          <Alert color="orange" variant="light" icon={<Icon name="alert" />} title={t('recoveryKey.onceTitle')}>
            {t('recoveryKey.once')}
          </Alert>
          <Secret value={recoveryKey} layout="grid" testId="recovery-key" />
          <List type="ordered" spacing="xs" size="sm">
            <List.Item>{t('recoveryKey.step1')}</List.Item>
            <List.Item>{t('recoveryKey.step2')}</List.Item>
            <List.Item>{t('recoveryKey.step3')}</List.Item>
          </List>
          <Group justify="space-between" className="no-print">
            <Button variant="default" leftSection={<Icon name="printer" size={18} />} onClick={() => window.print()}>
              {t('recoveryKey.print')}
            </Button>
            <Button size="md" onClick={() => setStep('confirm')} autoFocus>
              {t('recoveryKey.written')}
            </Button>
          </Group>
        </Stack>
      </AuthLayout>
    );
  }

  return <ConfirmCopy groups={groups} asked={asked} onBack={() => setStep('show')} onDone={onDone} />;
}

/** Each group asked for, as she typed it back, against the key. */
function copySchema(groups: string[], asked: [number, number]) {
  const group = (index: number) => z.string().refine((typed) => normaliseGroup(typed) === groups[index], { error: 'recovery.groupMismatch' });
  return z.object({ first: group(asked[0]), second: group(asked[1]) });
}

function ConfirmCopy({ groups, asked, onBack, onDone }: { groups: string[]; asked: [number, number]; onBack(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [schema] = useState(() => copySchema(groups, asked));
  const form = useContractForm(schema, { defaultValues: { first: '', second: '' } });
  // Checked here: the key never goes back to main.
  const submit = form.submitTo(async () => ({ ok: true, value: null }), onDone);

  return (
    <AuthLayout width={560}>
      <Form form={form} onSubmit={submit}>
        <Stack gap="lg">
          <AuthHeading title={t('recoveryKey.confirmTitle')} intro={t('recoveryKey.confirmIntro', { first: asked[0] + 1, second: asked[1] + 1 })} />
          <SimpleGrid cols={2}>
            {(['first', 'second'] as const).map((name, i) => (
              <TextField
                key={name}
                control={form.control}
                name={name}
                label={t('recoveryKey.group', { number: asked[i] + 1 })}
                className="guichet-code-input"
                dir="ltr"
                maxLength={9}
                autoComplete="off"
                spellCheck={false}
                autoFocus={i === 0}
                data-group={asked[i] + 1}
              />
            ))}
          </SimpleGrid>
          <Group justify="space-between">
            <Button variant="default" leftSection={<Icon name="arrowBack" size={18} />} onClick={onBack}>
              {t('recoveryKey.back')}
            </Button>
            <Button type="submit" size="md">
              {t('recoveryKey.confirm')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </AuthLayout>
  );
}
