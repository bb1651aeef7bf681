import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { VIOLENCE_TYPES, type ViolenceType } from '../../../shared/domain/visitors';
import { Icon } from '../../ui/icons';

/** The GBVIMS decision tree: the questions in their order; the first "yes" is the primary type. */
export function typeFromAnswers(answers: readonly boolean[]): ViolenceType | null {
  const first = answers.indexOf(true);
  return first >= 0 ? VIOLENCE_TYPES[first] : null;
}

interface Props {
  answers: boolean[];
  onChange(answers: boolean[]): void;
  error?: string;
}

/**
 * One question at a time, each with a short neutral definition: the desk records
 * what the person said of herself, it does not investigate. The answer can be taken
 * back. Focus follows the questions, so the tree is walked with Tab and Enter.
 */
export function DisclosureTree({ answers, onChange, error }: Props) {
  const { t } = useTranslation();
  const type = typeFromAnswers(answers);
  const exhausted = type === null && answers.length >= VIOLENCE_TYPES.length;
  const current = type === null && !exhausted ? VIOLENCE_TYPES[answers.length] : null;
  const yesButton = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    if (!answered.current) return;
    answered.current = false;
    if (current) yesButton.current?.focus();
    else result.current?.focus();
  }, [answers.length, current]);

  const answer = (value: boolean) => {
    answered.current = true;
    onChange([...answers, value]);
  };
  const back = () => {
    answered.current = true;
    const firstYes = answers.indexOf(true);
    onChange(firstYes >= 0 ? answers.slice(0, firstYes) : answers.slice(0, -1));
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="disclosure-tree">
      <Stack gap="md">
        <Text size="sm">{t('disclosure.treeIntro')}</Text>
        {answers.length > 0 ? (
          <List size="sm" spacing={4} type="ordered" data-testid="tree-answers">
            {answers.map((value, index) => (
              <List.Item key={VIOLENCE_TYPES[index]}>
                {t(`violenceTypes.${VIOLENCE_TYPES[index]}.question`)}{' '}
                <Text span fw={700}>
                  {value ? t('common.yes') : t('common.no')}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
        {current ? (
          <fieldset className="guichet-tree-question" data-testid="tree-question" data-type={current}>
            <legend>
              <Text size="xs" c="dimmed" span>
                {t('disclosure.questionOf', { number: answers.length + 1, total: VIOLENCE_TYPES.length })}
              </Text>{' '}
              <Text fw={650} span>
                {t(`violenceTypes.${current}.question`)}
              </Text>
            </legend>
            <Text size="sm" c="dimmed" mt={4} mb="sm">
              {t(`violenceTypes.${current}.definition`)}
            </Text>
            <Group gap="sm">
              <Button ref={yesButton} variant="light" onClick={() => answer(true)}>
                {t('common.yes')}
              </Button>
              <Button variant="default" onClick={() => answer(false)}>
                {t('common.no')}
              </Button>
            </Group>
          </fieldset>
        ) : null}
        {type ? (
          <Alert color="grape" variant="light" icon={<Icon name="check" />} title={t('disclosure.result')} data-testid="tree-result">
            <div ref={result} tabIndex={-1}>
              <Text fw={700}>{t(`violenceTypes.${type}.label`)}</Text>
              <Text size="sm" mt={4}>
                {t('disclosure.resultOrientation')}
              </Text>
            </div>
          </Alert>
        ) : null}
        {exhausted ? (
          <Alert color="gray" variant="light" icon={<Icon name="alert" />} data-testid="tree-none">
            <div ref={result} tabIndex={-1}>
              {t('disclosure.noneFits')}
            </div>
          </Alert>
        ) : null}
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        ) : null}
        {answers.length > 0 ? (
          <Group>
            <Button variant="subtle" size="xs" leftSection={<Icon name="arrowBack" size={14} />} onClick={back}>
              {t('disclosure.back')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
