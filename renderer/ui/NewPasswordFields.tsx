import { Group, Progress, Stack, Text } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { codePointLength, PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from '../../shared/domain/accounts';
import { PasswordField } from './fields';

interface Props {
  /** The form's field for the new password (`password` at setup, `newPassword` elsewhere); its confirmation is `confirm`. */
  name: 'password' | 'newPassword';
  label?: string;
  confirmLabel?: string;
  autoFocus?: boolean;
}

type Strength = 'empty' | 'short' | 'fair' | 'strong';

function strengthOf(password: string): Strength {
  const length = codePointLength(password);
  if (length === 0) return 'empty';
  if (length < PASSWORD_MIN_LENGTH) return 'short';
  if (length < PASSWORD_RECOMMENDED_LENGTH) return 'fair';
  return 'strong';
}

const COLOR: Record<Strength, string> = { empty: 'gray', short: 'red', fair: 'yellow', strong: 'green' };

/**
 * A new password and its confirmation, in the form around them. The only rule shown is
 * length (ASVS: no composition rules): at least 8 characters, 15 or more recommended.
 */
export function NewPasswordFields({ name, label, confirmLabel, autoFocus }: Props) {
  const { t } = useTranslation();
  const password = (useWatch({ name }) as string | undefined) ?? '';
  const strength = strengthOf(password);
  const length = codePointLength(password);
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <PasswordField
          name={name}
          label={label ?? t('password.new')}
          description={t('password.hint', { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH })}
          autoComplete="new-password"
          autoFocus={autoFocus}
        />
        <Group gap="sm" wrap="nowrap" aria-live="polite">
          <Progress
            value={Math.min(100, (length / PASSWORD_RECOMMENDED_LENGTH) * 100)}
            color={COLOR[strength]}
            size="sm"
            style={{ flex: 1 }}
            aria-hidden="true"
          />
          <Text size="xs" c="dimmed" miw={140}>
            {t(`password.strength.${strength}`)}
          </Text>
        </Group>
      </Stack>
      <PasswordField name="confirm" label={confirmLabel ?? t('password.confirm')} autoComplete="new-password" />
    </Stack>
  );
}
