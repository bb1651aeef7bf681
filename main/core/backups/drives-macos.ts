import { bytes, labelOf, text, type RemovableDrive } from './drives-types';

/**
 * macOS: `diskutil list -plist external physical` names the external disks and their
 * partitions; `diskutil info -plist <disk>` gives each disk's model (MediaName). Both are
 * property lists, turned into JSON by the built-in `plutil -convert json -o - -`.
 *
 * An APFS drive's volumes live on a synthesized container disk that `physical` leaves out,
 * so when a partition is an APFS physical store the module also reads
 * `diskutil list -plist external` and keeps the containers whose stores are on these disks
 * (a mounted disk image is external too, but its store is no partition of a physical disk).
 */
export const DISKUTIL_LIST_ARGS = ['list', '-plist', 'external', 'physical'];
export const DISKUTIL_LIST_ALL_EXTERNAL_ARGS = ['list', '-plist', 'external'];
export const diskutilInfoArgs = (disk: string) => ['info', '-plist', disk];
export const PLUTIL_TO_JSON_ARGS = ['-convert', 'json', '-o', '-', '-'];

interface DiskutilVolume {
  DeviceIdentifier?: unknown;
  MountPoint?: unknown;
  VolumeName?: unknown;
  Size?: unknown;
  Content?: unknown;
}

interface DiskutilDisk extends DiskutilVolume {
  Partitions?: unknown;
  APFSVolumes?: unknown;
  APFSPhysicalStores?: unknown;
}

function disksOf(listJson: string): DiskutilDisk[] {
  const parsed = JSON.parse(listJson) as { AllDisksAndPartitions?: unknown };
  return Array.isArray(parsed.AllDisksAndPartitions) ? (parsed.AllDisksAndPartitions as DiskutilDisk[]) : [];
}

function arrayOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The whole disks whose model `diskutil info` is asked for. */
export function wholeDisksIn(listJson: string): string[] {
  return disksOf(listJson)
    .map((disk) => text(disk.DeviceIdentifier))
    .filter((id): id is string => id !== null);
}

/** Whether a partition holds an APFS container, whose volumes only the wider listing shows. */
export function hasApfsStores(listJson: string): boolean {
  return disksOf(listJson).some((disk) => arrayOf<DiskutilVolume>(disk.Partitions).some((p) => text(p.Content) === 'Apple_APFS'));
}

function driveOf(volume: DiskutilVolume, model: string | null): RemovableDrive[] {
  const mountPoint = text(volume.MountPoint);
  const device = text(volume.DeviceIdentifier);
  if (!mountPoint || !device) return [];
  return [{ id: `/dev/${device}`, label: labelOf(volume.VolumeName, model, mountPoint), mountPoint, sizeBytes: bytes(volume.Size) }];
}

function modelOf(infoJson: string | undefined): string | null {
  if (!infoJson) return null;
  const info = JSON.parse(infoJson) as { MediaName?: unknown; IORegistryEntryName?: unknown };
  return text(info.MediaName) ?? text(info.IORegistryEntryName);
}

export interface DiskutilOutput {
  /** `diskutil list -plist external physical`, as JSON. */
  list: string;
  /** `diskutil info -plist <disk>` as JSON, by whole disk (`disk4`). */
  infos: Record<string, string>;
  /** `diskutil list -plist external` as JSON, read only when an APFS store is present. */
  allExternal?: string;
}

export function parseDiskutil({ list, infos, allExternal }: DiskutilOutput): RemovableDrive[] {
  const physical = disksOf(list);
  const diskOfPartition = new Map<string, string>();
  const drives = physical.flatMap((disk) => {
    const id = text(disk.DeviceIdentifier) ?? '';
    const model = modelOf(infos[id]);
    const partitions = arrayOf<DiskutilVolume>(disk.Partitions);
    for (const p of partitions) {
      const partition = text(p.DeviceIdentifier);
      if (partition) diskOfPartition.set(partition, id);
    }
    // A disk formatted without a partition table is mounted itself.
    return [...driveOf(disk, model), ...partitions.flatMap((p) => driveOf(p, model))];
  });
  const containers = allExternal ? disksOf(allExternal) : [];
  const apfs = containers.flatMap((container) => {
    const store = arrayOf<{ DeviceIdentifier?: unknown }>(container.APFSPhysicalStores)
      .map((s) => diskOfPartition.get(text(s.DeviceIdentifier) ?? '-'))
      .find((disk) => disk !== undefined);
    if (store === undefined) return [];
    const model = modelOf(infos[store]);
    return arrayOf<DiskutilVolume>(container.APFSVolumes).flatMap((v) => driveOf(v, model));
  });
  return [...drives, ...apfs];
}
