import { Badge } from '@mantine/core';

/** Whether a record is in use (green) or kept only for the past (grey), in the list's own words. */
export function ActiveBadge({ active, label }: { active: boolean; label: string }) {
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {label}
    </Badge>
  );
}
