import { bytes, labelOf, text, type RemovableDrive } from './drives-types';

/**
 * Windows: the disks on the USB bus, their partitions that have a drive letter, and each
 * one's volume. Chosen by bus type, not by `DriveType`: a USB hard disk or SSD reports
 * DriveType 3 ("Fixed") like the internal disk, so `DriveType=2` alone would miss it.
 * Every value is cast to a string or a number here, so that the JSON does not depend on how
 * PowerShell serialises a [char] (DriveLetter) or a CIM enum; `-InputObject` keeps one disk
 * an array, and the parser accepts a lone object anyway.
 */
export const POWERSHELL_DRIVES_SCRIPT = `$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
$disks = @(Get-Disk | Where-Object BusType -eq 'USB' | ForEach-Object {
  $disk = $_
  $volumes = @(Get-Partition -DiskNumber $disk.Number -ErrorAction SilentlyContinue |
    Where-Object { [string]$_.DriveLetter -match '^[A-Za-z]$' } |
    ForEach-Object {
      $volume = Get-Volume -Partition $_ -ErrorAction SilentlyContinue
      [PSCustomObject]@{
        DriveLetter = [string]$_.DriveLetter
        FileSystemLabel = [string]$volume.FileSystemLabel
        FileSystem = [string]$volume.FileSystem
        DriveType = [string]$volume.DriveType
        Size = [uint64]$volume.Size
        UniqueId = [string]$volume.UniqueId
      }
    })
  [PSCustomObject]@{
    Number = [int]$disk.Number
    FriendlyName = [string]$disk.FriendlyName
    Model = [string]$disk.Model
    BusType = [string]$disk.BusType
    Size = [uint64]$disk.Size
    Volumes = $volumes
  }
})
ConvertTo-Json -InputObject $disks -Depth 4 -Compress
`;

/** No profile, no prompt, the script passed as UTF-16LE base64 so that nothing is quoted by a shell. */
export function powershellArgs(script: string = POWERSHELL_DRIVES_SCRIPT): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

interface WindowsVolume {
  DriveLetter?: unknown;
  FileSystemLabel?: unknown;
  Size?: unknown;
  UniqueId?: unknown;
}

interface WindowsDisk {
  Number?: unknown;
  FriendlyName?: unknown;
  Model?: unknown;
  BusType?: unknown;
  Volumes?: unknown;
}

/**
 * ConvertTo-Json's shapes for "a list": an array, a lone object when it holds one item (when
 * piped), nothing at all for none, and in Windows PowerShell 5.1 sometimes `{ value, Count }`.
 */
function listOf<T>(value: unknown): T[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value as T[];
  const wrapped = value as { value?: unknown; Count?: unknown };
  if (typeof value === 'object' && Array.isArray(wrapped.value) && typeof wrapped.Count === 'number') return wrapped.value as T[];
  return typeof value === 'object' ? [value as T] : [];
}

/** A letter as PowerShell may print a [char]: "E", or its code (69) when it was not cast. */
function letterOf(value: unknown): string | null {
  const letter = typeof value === 'number' ? String.fromCharCode(value) : text(value);
  return letter && /^[A-Za-z]$/.test(letter) ? letter.toUpperCase() : null;
}

export function parseWindowsDrives(stdout: string): RemovableDrive[] {
  const trimmed = stdout.replace(/^\uFEFF/, '').trim();
  const disks = listOf<WindowsDisk>(trimmed === '' ? null : JSON.parse(trimmed));
  return disks
    .filter((disk) => text(disk.BusType)?.toUpperCase() === 'USB')
    .flatMap((disk) =>
      listOf<WindowsVolume>(disk.Volumes).flatMap((volume) => {
        const letter = letterOf(volume.DriveLetter);
        if (!letter) return [];
        const mountPoint = `${letter}:\\`;
        return [
          {
            id: text(volume.UniqueId) ?? `disk${String(disk.Number)}:${letter}`,
            label: labelOf(volume.FileSystemLabel, text(disk.FriendlyName) ?? disk.Model, mountPoint),
            mountPoint,
            // A volume Get-Volume could not read is cast to 0 bytes by the script: unknown, not empty.
            sizeBytes: bytes(volume.Size) || null,
          },
        ];
      }),
    );
}
