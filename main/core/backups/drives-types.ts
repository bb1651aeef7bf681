/**
 * One mounted volume of a removable disk, as the backup screens offer it. `id` stays the
 * same while the drive is plugged in (the device path or the volume's id); `label` is what
 * a person recognises: the volume's label, else the disk's model, else the mount point.
 */
export interface RemovableDrive {
  id: string;
  label: string;
  mountPoint: string;
  sizeBytes: number | null;
}

/** A non-empty, trimmed string, or null: the tools print null, '', or padded names. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A byte count the tools print as a number, a numeric string (older lsblk) or null. */
export function bytes(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function labelOf(volumeLabel: unknown, model: unknown, mountPoint: string): string {
  return text(volumeLabel) ?? text(model) ?? mountPoint;
}
