import { bytes, labelOf, text, type RemovableDrive } from './drives-types';

/**
 * Linux: lsblk's JSON. The columns are those of STACK.md's drives line, plus MODEL so that
 * a volume without a label is still named by its disk (`SanDisk Ultra`) rather than by a
 * path. MOUNTPOINTS (util-linux 2.37+) is an array that holds null for an unmounted device.
 */
export const LSBLK_ARGS = ['--bytes', '--json', '--paths', '--output', 'NAME,RM,HOTPLUG,TRAN,SIZE,FSTYPE,LABEL,MODEL,MOUNTPOINTS'];

/** util-linux before 2.37 (Debian 11) has no MOUNTPOINTS column and refuses the call: asked again with MOUNTPOINT. */
export const LSBLK_ARGS_BEFORE_2_37 = ['--bytes', '--json', '--paths', '--output', 'NAME,RM,HOTPLUG,TRAN,SIZE,FSTYPE,LABEL,MODEL,MOUNTPOINT'];

interface LsblkDevice {
  name?: unknown;
  rm?: unknown;
  hotplug?: unknown;
  tran?: unknown;
  size?: unknown;
  label?: unknown;
  model?: unknown;
  mountpoints?: unknown;
  mountpoint?: unknown;
  children?: unknown;
}

/** Booleans since util-linux 2.33; "1"/"0" before. */
function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** CD drives, loop devices (snaps, images) and RAM disks report `rm` yet are no drive for a backup. */
const NOT_A_DRIVE = /^(loop|sr|ram|zram)\d/;

/** A live system booted from a USB stick is mounted there: never offer its own system volumes. */
function isSystemMount(mountPoint: string): boolean {
  return mountPoint === '/' || mountPoint === '/boot' || mountPoint.startsWith('/boot/');
}

function mountPointOf(device: LsblkDevice): string | null {
  const points = Array.isArray(device.mountpoints) ? device.mountpoints : [device.mountpoint];
  const mounted = points.map(text).filter((p): p is string => p !== null && p.startsWith('/'));
  return mounted.length === 0 || mounted.some(isSystemMount) ? null : mounted[0];
}

function childrenOf(device: LsblkDevice): LsblkDevice[] {
  return Array.isArray(device.children) ? (device.children as LsblkDevice[]) : [];
}

function baseName(device: LsblkDevice): string {
  return (text(device.name) ?? '').replace(/^\/dev\//, '');
}

/** The disk itself when it carries a filesystem without partitions, its partitions, and what they hold (a LUKS mapping). */
function volumesOf(device: LsblkDevice, model: unknown): RemovableDrive[] {
  const own: RemovableDrive[] = [];
  const mountPoint = mountPointOf(device);
  const id = text(device.name);
  if (mountPoint && id) own.push({ id, label: labelOf(device.label, model, mountPoint), mountPoint, sizeBytes: bytes(device.size) });
  return [...own, ...childrenOf(device).flatMap((child) => volumesOf(child, model))];
}

export function parseLsblk(stdout: string): RemovableDrive[] {
  const parsed = JSON.parse(stdout) as { blockdevices?: unknown };
  const disks = Array.isArray(parsed.blockdevices) ? (parsed.blockdevices as LsblkDevice[]) : [];
  return disks
    .filter((disk) => !NOT_A_DRIVE.test(baseName(disk)))
    .filter((disk) => flag(disk.rm) || flag(disk.hotplug) || text(disk.tran)?.toLowerCase() === 'usb')
    .flatMap((disk) => volumesOf(disk, disk.model));
}
