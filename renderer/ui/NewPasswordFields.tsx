import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codePointLength, PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from '../../shared/domain/accounts';
import { PasswordField } from './PasswordField';

interface Props {
  value: string;
  confirm: string;
  onChange(value: string): void;
  onConfirmChange(value: string): void;
  error?: string;
  confirmError?: string;
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
 * A new password and its confirmation. The only rule shown is length (ASVS: no
 * composition rules): at least 8 characters, 15 or more recommended.
 */
export function NewPasswordFields(props: Props) {
  const { t } = useTranslation();
  const strength = strengthOf(props.value);
  const length = codePointLength(props.value);
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <PasswordField
          label={props.label ?? t('password.new')}
          description={t('password.hint', { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH })}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          error={props.error}
          autoComplete="new-password"
          autoFocus={props.autoFocus}

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
      <PasswordField
        label={props.confirmLabel ?? t('password.confirm')}
        value={props.confirm}
        onChange={(event) => props.onConfirmChange(event.currentTarget.value)}
        error={props.confirmError}
        autoComplete="new-password"

      />
    </Stack>
  );
}
