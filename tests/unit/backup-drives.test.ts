import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISKUTIL,
  DRIVES_DIR_ENV,
  diffDrives,
  freeBytes,
  listRemovableDrives,
  parseDiskutil,
  parseLsblk,
  parseWindowsDrives,
  PLUTIL,
  POWERSHELL_DRIVES_SCRIPT,
  powershellPath,
  runTool,
  watchDrives,
  type DriveChange,
  type RemovableDrive,
  type RunTool,
} from '../../main/core/backups/drives';
import { powershellArgs } from '../../main/core/backups/drives-windows';
import { tempDataDir } from '../support/desk';
import { canMountSmallFilesystem, mountSmallFilesystem } from '../support/small-filesystem';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/drives', name), 'utf8');

/** A stand-in for the OS tools: each command line answers with a captured output. */
function tools(answers: Record<string, string | Error>): { run: RunTool; calls: string[] } {
  const calls: string[] = [];
  const run: RunTool = async (cmd, args, input) => {
    const line = [cmd, ...args].join(' ') + (input === undefined ? '' : ` <${input}`);
    calls.push(line);
    const answer = answers[line] ?? answers[cmd];
    if (answer === undefined) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { run, calls };
}

const temps: string[] = [];
// The e2e harness may have set it for the whole run: these tests ask for the tools themselves.
const outerDrivesDir = process.env[DRIVES_DIR_ENV];
beforeEach(() => {
  delete process.env[DRIVES_DIR_ENV];
});
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (outerDrivesDir === undefined) delete process.env[DRIVES_DIR_ENV];
  else process.env[DRIVES_DIR_ENV] = outerDrivesDir;
});
function tempFolder(): string {
  const dir = tempDataDir('guichet-drives-');
  temps.push(dir);
  return dir;
}

describe('Linux: lsblk --json', () => {
  it('finds the removable, hotplugged and USB volumes that are mounted, each named as a person knows it', () => {
    expect(parseLsblk(fixture('lsblk-laptop.json'))).toEqual([
      { id: '/dev/sda1', label: 'SAUVEGARDE', mountPoint: '/media/amina/SAUVEGARDE', sizeBytes: 15374221312 },
      // A USB hard disk is neither `rm` nor labelled: found by hotplug and transport, named by its model.
      { id: '/dev/sdb1', label: 'Elements 25A2', mountPoint: '/media/amina/4A3C1E2F3C1E1897', sizeBytes: 1000204886016 },
      // A stick formatted without partitions is its own volume.
      { id: '/dev/sdc', label: 'COFFRE', mountPoint: '/media/amina/COFFRE', sizeBytes: 31914983424 },
      // An encrypted (LUKS) stick: the opened mapping is what is mounted.
      {
        id: '/dev/mapper/luks-7d0e7f0a-93c4-4a8f-b3f0-2a3c6f1b9e55',
        label: 'guichet-coffre',
        mountPoint: '/media/amina/guichet-coffre',
        sizeBytes: 62712184832,
      },
    ]);
  });

  it('skips loop devices, the CD drive, zram swap, unmounted partitions and the internal disk', () => {
    const ids = parseLsblk(fixture('lsblk-laptop.json')).map((d) => d.id);
    for (const skipped of ['/dev/loop0', '/dev/loop1', '/dev/sr0', '/dev/zram0', '/dev/sdb2', '/dev/sde1', '/dev/nvme0n1p2', '/dev/nvme0n1p1']) {
      expect(ids).not.toContain(skipped);
    }
  });

  it('reads the string values and single MOUNTPOINT of older util-linux, and trims padded models', () => {
    expect(parseLsblk(fixture('lsblk-2.32.json'))).toEqual([
      { id: '/dev/sda1', label: 'SAUVEGARDE', mountPoint: '/media/amina/SAUVEGARDE', sizeBytes: 15374221312 },
    ]);
  });

  it('counts a disk as removable by any one of rm, hotplug or a USB transport', () => {
    const disk = (name: string, rm: boolean, hotplug: boolean, tran: string | null) => ({
      name,
      rm,
      hotplug,
      tran,
      size: 1000,
      label: name.slice(5),
      model: null,
      mountpoints: [`/media/${name.slice(5)}`],
    });
    const output = { blockdevices: [disk('/dev/sdf', true, false, null), disk('/dev/mmcblk0', false, true, 'mmc'), disk('/dev/sdg', false, false, 'usb'), disk('/dev/sdh', false, false, 'sata')] };
    expect(parseLsblk(JSON.stringify(output)).map((d) => d.label)).toEqual(['sdf', 'mmcblk0', 'sdg']);
  });

  it('never offers the system volumes of a live system booted from a USB stick, nor a swap', () => {
    const live = {
      blockdevices: [
        {
          name: '/dev/sda',
          rm: true,
          hotplug: true,
          tran: 'usb',
          size: 15376318464,
          label: null,
          model: 'Ultra',
          mountpoints: [null],
          children: [
            { name: '/dev/sda1', rm: true, hotplug: true, tran: null, size: 536870912, label: null, model: null, mountpoints: ['/boot/efi'] },
            { name: '/dev/sda2', rm: true, hotplug: true, tran: null, size: 14000000000, label: null, model: null, mountpoints: ['/run/live/medium', '/'] },
            { name: '/dev/sda3', rm: true, hotplug: true, tran: null, size: 800000000, label: null, model: null, mountpoints: ['[SWAP]'] },
          ],
        },
      ],
    };
    expect(parseLsblk(JSON.stringify(live))).toEqual([]);
  });

  it('runs lsblk with the columns it reads, and asks again without MOUNTPOINTS where util-linux predates it', async () => {
    const { run, calls } = tools({
      'lsblk --bytes --json --paths --output NAME,RM,HOTPLUG,TRAN,SIZE,FSTYPE,LABEL,MODEL,MOUNTPOINTS': new Error('lsblk: unknown column: MOUNTPOINTS'),
      'lsblk --bytes --json --paths --output NAME,RM,HOTPLUG,TRAN,SIZE,FSTYPE,LABEL,MODEL,MOUNTPOINT': fixture('lsblk-2.32.json'),
    });
    expect(await listRemovableDrives({ platform: 'linux', run })).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });
});

describe('Windows: the PowerShell script', () => {
  it('finds a USB stick and both volumes of a USB hard disk that reports DriveType 3 (Fixed)', () => {
    expect(parseWindowsDrives(fixture('powershell-two-usb-disks.json'))).toEqual([
      { id: '\\\\?\\Volume{6f1c2a3e-0000-0000-0000-100000000000}\\', label: 'SAUVEGARDE', mountPoint: 'E:\\', sizeBytes: 15374221312 },
      { id: '\\\\?\\Volume{a41b7c09-3e2d-4f61-9b8e-5c0d2e7f1a34}\\', label: 'WD Elements 25A2', mountPoint: 'F:\\', sizeBytes: 1000204886016 },
      { id: '\\\\?\\Volume{a41b7c09-3e2d-4f61-9b8e-5c0d2e7f1a35}\\', label: 'Archives', mountPoint: 'G:\\', sizeBytes: 1000160403456 },
    ]);
  });

  it("reads ConvertTo-Json's lone object for one disk and one volume (with a BOM and CRLF)", () => {
    expect(parseWindowsDrives(fixture('powershell-one-disk-piped.json'))).toEqual([
      { id: '\\\\?\\Volume{a41b7c09-3e2d-4f61-9b8e-5c0d2e7f1a34}\\', label: 'WD Elements 25A2', mountPoint: 'F:\\', sizeBytes: 1000204886016 },
    ]);
  });

  it("reads Windows PowerShell 5.1's { value, Count } wrapper", () => {
    expect(parseWindowsDrives(fixture('powershell-5.1-value-count.json')).map((d) => d.mountPoint)).toEqual(['E:\\']);
  });

  it('finds no drive in an empty output or an empty array', () => {
    expect(parseWindowsDrives('')).toEqual([]);
    expect(parseWindowsDrives('\r\n')).toEqual([]);
    expect(parseWindowsDrives('[]')).toEqual([]);
  });

  it('skips a volume without a drive letter and a disk on another bus; reads a letter printed as its code', () => {
    const disks = [
      {
        Number: 1,
        FriendlyName: 'SanDisk Cruzer Blade',
        BusType: 'USB',
        Volumes: [
          { DriveLetter: '', FileSystemLabel: 'RECOVERY', Size: 1000, UniqueId: 'a' },
          { DriveLetter: 72, FileSystemLabel: '', Size: 0, UniqueId: '' },
        ],
      },
      { Number: 0, FriendlyName: 'SAMSUNG MZVLB512', BusType: 'NVMe', Volumes: [{ DriveLetter: 'C', FileSystemLabel: 'Windows', Size: 5, UniqueId: 'c' }] },
    ];
    expect(parseWindowsDrives(JSON.stringify(disks))).toEqual([{ id: 'disk1:H', label: 'SanDisk Cruzer Blade', mountPoint: 'H:\\', sizeBytes: null }]);
  });

  it('runs the one script, passed encoded and without a profile, choosing disks by bus type and not DriveType', async () => {
    expect(POWERSHELL_DRIVES_SCRIPT).toContain("Get-Disk | Where-Object BusType -eq 'USB'");
    expect(POWERSHELL_DRIVES_SCRIPT).toContain('ConvertTo-Json -InputObject $disks -Depth 4');
    expect(POWERSHELL_DRIVES_SCRIPT).not.toMatch(/DriveType\s*-eq/);
    const args = powershellArgs();
    expect(Buffer.from(args[args.length - 1], 'base64').toString('utf16le')).toBe(POWERSHELL_DRIVES_SCRIPT);
    const { run, calls } = tools({ [powershellPath()]: fixture('powershell-two-usb-disks.json') });
    expect(await listRemovableDrives({ platform: 'win32', run })).toHaveLength(3);
    expect(calls[0].startsWith(`${powershellPath()} -NoLogo -NoProfile -NonInteractive -EncodedCommand `)).toBe(true);
    expect(powershellPath('C:\\WINDOWS')).toBe('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });
});

describe('macOS: diskutil through plutil', () => {
  const infos = {
    disk4: fixture('diskutil-info-disk4.json'),
    disk5: fixture('diskutil-info-disk5.json'),
    disk6: fixture('diskutil-info-disk6.json'),
    disk8: fixture('diskutil-info-disk8.json'),
  };
  const expected: RemovableDrive[] = [
    { id: '/dev/disk4s2', label: 'COFFRE', mountPoint: '/Volumes/COFFRE', sizeBytes: 31704219648 },
    { id: '/dev/disk5s1', label: 'NO NAME', mountPoint: '/Volumes/NO NAME', sizeBytes: 8003256320 },
    // A whole disk without a partition table, its volume unnamed: named by the disk's model.
    { id: '/dev/disk8', label: 'Generic Flash Disk', mountPoint: '/Volumes/Sans titre', sizeBytes: 4026531840 },
    // An APFS drive: its volume is on the synthesized container whose store is disk6s2.
    { id: '/dev/disk7s1', label: 'Sauvegardes Mac', mountPoint: '/Volumes/Sauvegardes Mac', sizeBytes: 499898105856 },
  ];

  it('finds the mounted partitions of external physical disks, APFS volumes included, and no disk image', () => {
    const list = fixture('diskutil-list-external-physical.json');
    expect(parseDiskutil({ list, infos, allExternal: fixture('diskutil-list-external.json') })).toEqual(expected);
  });

  it('runs diskutil, converts each plist with plutil, asks each disk for its model and the wider listing for APFS', async () => {
    const { run, calls } = tools({
      '/usr/sbin/diskutil list -plist external physical': 'PLIST list-physical',
      '/usr/sbin/diskutil list -plist external': 'PLIST list-external',
      '/usr/sbin/diskutil info -plist disk4': 'PLIST info-disk4',
      '/usr/sbin/diskutil info -plist disk5': 'PLIST info-disk5',
      '/usr/sbin/diskutil info -plist disk6': 'PLIST info-disk6',
      '/usr/sbin/diskutil info -plist disk8': 'PLIST info-disk8',
      '/usr/bin/plutil -convert json -o - - <PLIST list-physical': fixture('diskutil-list-external-physical.json'),
      '/usr/bin/plutil -convert json -o - - <PLIST list-external': fixture('diskutil-list-external.json'),
      ...Object.fromEntries(Object.entries(infos).map(([disk, json]) => [`/usr/bin/plutil -convert json -o - - <PLIST info-${disk}`, json])),
    });
    expect(await listRemovableDrives({ platform: 'darwin', run })).toEqual(expected);
    expect(calls.filter((c) => c.startsWith(DISKUTIL))).toEqual([
      '/usr/sbin/diskutil list -plist external physical',
      '/usr/sbin/diskutil info -plist disk4',
      '/usr/sbin/diskutil info -plist disk5',
      '/usr/sbin/diskutil info -plist disk6',
      '/usr/sbin/diskutil info -plist disk8',
      '/usr/sbin/diskutil list -plist external',
    ]);
  });

  it('finds no drive when nothing external is plugged in', () => {
    const none = JSON.stringify({ AllDisks: [], AllDisksAndPartitions: [], VolumesFromDisks: [], WholeDisks: [] });
    expect(parseDiskutil({ list: none, infos: {} })).toEqual([]);
  });
});

describe('when the tool fails', () => {
  it('gives an empty list and logs a code, never the output, for a missing tool, a timeout, a failure or garbage', async () => {
    const cases: [NodeJS.Platform, Record<string, string | Error>, string][] = [
      ['linux', {}, 'guichet: drives-tool-failed (ENOENT)'],
      ['win32', { [powershellPath()]: Object.assign(new Error('Command failed'), { killed: true, signal: 'SIGTERM' }) }, 'guichet: drives-tool-failed (timeout)'],
      ['win32', { [powershellPath()]: Object.assign(new Error('Get-Disk : Access denied SAUVEGARDE'), { code: 1 }) }, 'guichet: drives-tool-failed (1)'],
      ['linux', { lsblk: 'lsblk: SAUVEGARDE {not json' }, 'guichet: drives-output-unreadable'],
      ['darwin', { [DISKUTIL]: 'x', [PLUTIL]: '<?xml version="1.0"?><plist>COFFRE' }, 'guichet: drives-output-unreadable'],
      ['freebsd', {}, 'guichet: drives-platform-unsupported (freebsd)'],
    ];
    for (const [platform, answers, line] of cases) {
      const logged: string[] = [];
      expect(await listRemovableDrives({ platform, run: tools(answers).run, log: (l) => logged.push(l) })).toEqual([]);
      expect(logged).toEqual([line]);
      expect(logged.join()).not.toMatch(/SAUVEGARDE|COFFRE/);
    }
  });

  it('runs a real program without a shell, giving it its input', async () => {
    expect(await runTool(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], '{"blockdevices":[]}')).toBe('{"blockdevices":[]}');
    await expect(runTool('guichet-no-such-tool', [])).rejects.toMatchObject({ code: 'ENOENT' });
    // A shell would expand this; execFile passes it as one argument.
    expect(await runTool(process.execPath, ['-e', 'console.log(process.argv[1])', '$(echo hi); *'])).toBe('$(echo hi); *\n');
  });

  it("asks this machine's own tool without crashing, whatever it has plugged in", async () => {
    const drives = await listRemovableDrives({ log: () => undefined });
    expect(Array.isArray(drives)).toBe(true);
  });
});

describe('a folder stands for the drives in tests', () => {
  it('makes each sub-folder a drive named after it, and ignores files', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'COFFRE'));
    mkdirSync(join(root, 'Clé bleue'));
    writeFileSync(join(root, 'not-a-drive.txt'), '');
    mkdirSync(join(root, '.elsewhere', 'target'), { recursive: true });
    symlinkSync(join(root, '.elsewhere', 'target'), join(root, 'linked'));
    const run: RunTool = () => Promise.reject(new Error('no tool runs when a folder is given'));
    expect(await listRemovableDrives({ folder: root, run, platform: 'linux' })).toEqual([
      { id: join(root, '.elsewhere'), label: '.elsewhere', mountPoint: join(root, '.elsewhere'), sizeBytes: null },
      { id: join(root, 'COFFRE'), label: 'COFFRE', mountPoint: join(root, 'COFFRE'), sizeBytes: null },
      { id: join(root, 'Clé bleue'), label: 'Clé bleue', mountPoint: join(root, 'Clé bleue'), sizeBytes: null },
      { id: join(root, 'linked'), label: 'linked', mountPoint: join(root, 'linked'), sizeBytes: null },
    ]);
  });

  it(`reads the folder from ${DRIVES_DIR_ENV}, and a missing folder is no drive`, async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'USB'));
    process.env[DRIVES_DIR_ENV] = root;
    expect((await listRemovableDrives()).map((d) => d.label)).toEqual(['USB']);
    process.env[DRIVES_DIR_ENV] = join(root, 'gone');
    expect(await listRemovableDrives()).toEqual([]);
  });
});

describe('free space', () => {
  it('is what statfs says an unprivileged user may still write', async () => {
    const dir = tempFolder();
    const free = await freeBytes(dir);
    expect(free).toBeGreaterThan(0);
    expect(Number.isSafeInteger(free)).toBe(true);
    await expect(freeBytes(join(dir, 'unplugged'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.skipIf(!canMountSmallFilesystem)('shrinks by what is written on a small real filesystem', async () => {
    const small = mountSmallFilesystem(4);
    if (!small) return;
    try {
      const before = await freeBytes(small.dir);
      expect(before).toBe(4 * 1024 * 1024);
      writeFileSync(join(small.dir, 'backup.tmp'), Buffer.alloc(1024 * 1024, 1));
      expect(await freeBytes(small.dir)).toBe(before - 1024 * 1024);
    } finally {
      small.unmount();
    }
  });
});

describe('noticing a drive being plugged in', () => {
  const stick = (id: string, mountPoint = `/media/${id}`): RemovableDrive => ({ id, label: id, mountPoint, sizeBytes: null });

  it('diffs two lists by device and mount point', () => {
    expect(diffDrives([], [])).toEqual({ plugged: [], unplugged: [] });
    expect(diffDrives([stick('a')], [stick('a'), stick('b')])).toEqual({ plugged: [stick('b')], unplugged: [] });
    expect(diffDrives([stick('a'), stick('b')], [stick('b')])).toEqual({ plugged: [], unplugged: [stick('a')] });
    // The same device mounted elsewhere is a new place to write to.
    expect(diffDrives([stick('a')], [stick('a', '/media/other')])).toEqual({ plugged: [stick('a', '/media/other')], unplugged: [stick('a')] });
    // A label changed on the same volume is no change.
    expect(diffDrives([stick('a')], [{ ...stick('a'), label: 'renamed' }])).toEqual({ plugged: [], unplugged: [] });
  });

  it('tells the listener only when a drive is plugged in or pulled out, folders standing for drives', async () => {
    const root = tempFolder();
    const changes: DriveChange[] = [];
    const watcher = watchDrives({ list: () => listRemovableDrives({ folder: root }), intervalMs: 3_600_000, onChange: (c) => changes.push(c) });
    try {
      await watcher.poll();
      expect(changes).toEqual([]);
      mkdirSync(join(root, 'COFFRE'));
      await watcher.poll();
      await watcher.poll();
      expect(changes).toHaveLength(1);
      expect(changes[0].plugged.map((d) => d.label)).toEqual(['COFFRE']);
      expect(changes[0].drives.map((d) => d.label)).toEqual(['COFFRE']);
      mkdirSync(join(root, 'USB'));
      rmSync(join(root, 'COFFRE'), { recursive: true });
      await watcher.poll();
      expect(changes).toHaveLength(2);
      expect(changes[1]).toMatchObject({ plugged: [{ label: 'USB' }], unplugged: [{ label: 'COFFRE' }], drives: [{ label: 'USB' }] });
    } finally {
      watcher.stop();
    }
  });

  it('reports the drives already plugged in at the first poll', async () => {
    const changes: DriveChange[] = [];
    const watcher = watchDrives({ list: async () => [stick('a')], intervalMs: 3_600_000, onChange: (c) => changes.push(c) });
    await watcher.poll();
    watcher.stop();
    expect(changes).toEqual([{ drives: [stick('a')], plugged: [stick('a')], unplugged: [] }]);
  });

  it('joins a poll already running, keeps what it knew when a look fails, and is silent once stopped', async () => {
    const answers: (() => Promise<RemovableDrive[]>)[] = [];
    let looks = 0;
    const changes: DriveChange[] = [];
    const logged: string[] = [];
    const watcher = watchDrives({
      list: () => {
        looks += 1;
        return answers.shift()?.() ?? Promise.resolve([]);
      },
      intervalMs: 3_600_000,
      onChange: (c) => changes.push(c),
      log: (l) => logged.push(l),
    });
    let release: (drives: RemovableDrive[]) => void = () => undefined;
    answers.push(() => new Promise((resolve) => (release = resolve)));
    const first = watcher.poll();
    const second = watcher.poll();
    release([stick('a')]);
    await Promise.all([first, second]);
    expect(looks).toBe(1);
    expect(changes).toHaveLength(1);

    answers.push(() => Promise.reject(new Error('lsblk vanished')));
    await watcher.poll();
    expect(changes).toHaveLength(1);
    expect(logged).toEqual(['guichet: drives-watch-list-failed']);

    answers.push(async () => [stick('a')]);
    await watcher.poll();
    expect(changes).toHaveLength(1);

    answers.push(async () => []);
    watcher.stop();
    await watcher.poll();
    expect(changes).toHaveLength(1);
  });

  it('survives a listener that throws', async () => {
    const logged: string[] = [];
    const watcher = watchDrives({
      list: async () => [stick('a')],
      intervalMs: 3_600_000,
      onChange: () => {
        throw new Error('screen gone');
      },
      log: (l) => logged.push(l),
    });
    await expect(watcher.poll()).resolves.toBeUndefined();
    watcher.stop();
    expect(logged).toEqual(['guichet: drives-watch-listener-failed']);
  });
});
