import { Fieldset, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { initialConsentsSchema } from '../../../shared/contract/visitors';
import { CONSENT_KINDS } from '../../../shared/domain/visitors';
import { CheckboxField } from '../../ui/fields';
import type { z } from 'zod';

export type Consents = z.output<typeof initialConsentsSchema>;

export const NO_CONSENTS: Consents = { dataProcessing: false, referrals: false, phoneContact: false, reporting: false };

/** The four consents of the form around them (its `consents`), asked before anything else is written down; each says what it allows. */
export function ConsentFields({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('registration.sections.consents')} radius="lg">
      <Text size="sm" c="dimmed" mb="md">
        {t('registration.consentsIntro')}
      </Text>
      <Stack gap="md">
        {CONSENT_KINDS.map((kind, index) => (
          <CheckboxField<{ consents: Consents }>
            key={kind}
            name={`consents.${kind}`}
            label={t(`consentKinds.${kind}.label`)}
            description={t(`consentKinds.${kind}.description`)}
            autoFocus={autoFocus && index === 0}
            data-testid={`consent-${kind}`}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
