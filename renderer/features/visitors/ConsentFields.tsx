import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, type ConsentKind } from '../../../shared/domain/visitors';

export type Consents = Record<ConsentKind, boolean>;

export const NO_CONSENTS: Consents = { dataProcessing: false, referrals: false, phoneContact: false, reporting: false };

/** The four consents, asked before anything else is written down; each says what it allows. */
export function ConsentFields({ value, onChange, autoFocus }: { value: Consents; onChange(next: Consents): void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('registration.sections.consents')} radius="lg">
      <Text size="sm" c="dimmed" mb="md">
        {t('registration.consentsIntro')}
      </Text>
      <Stack gap="md">
        {CONSENT_KINDS.map((kind, index) => (
          <Checkbox
            key={kind}
            label={t(`consentKinds.${kind}.label`)}
            description={t(`consentKinds.${kind}.description`)}
            checked={value[kind]}
            onChange={(event) => onChange({ ...value, [kind]: event.currentTarget.checked })}
            autoFocus={autoFocus && index === 0}
            data-testid={`consent-${kind}`}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
