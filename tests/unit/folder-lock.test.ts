import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../main/core/desk';
import { LOCK_FILE, FolderLock } from '../../main/core/storage/folder-lock';
import { openTestDesk, removeDir, tempDataDir } from '../support/desk';

const CHILD = join(import.meta.dirname, '../support/folder-lock-child.ts');

/** A child process driven line by line over stdin and stdout: no sleeps, only answers. */
class LockChild {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private readonly waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  private stderr = '';
  private exitedWith: string | null = null;
  private readonly exit: Promise<void>;

  constructor(folder: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    });
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitedWith = signal ?? String(code);
        for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`child exited (${this.exitedWith}): ${this.stderr}`));
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.exitedWith !== null) return Promise.reject(new Error(`child exited (${this.exitedWith}): ${this.stderr}`));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends a command without waiting, so that several children can be told at once. */
  tell(command: string): void {
    this.child.stdin?.write(`${command}\n`);
  }

  ask(command: string): Promise<string> {
    this.tell(command);
    return this.next();
  }

  async ready(): Promise<this> {
    expect(await this.next()).toBe('ready');
    return this;
  }

  /** kill -9: the child gets no chance to release anything. */
  async kill(): Promise<void> {
    if (this.exitedWith === null) this.child.kill('SIGKILL');
    await this.exit;
  }

  /** Closing stdin ends the child; a lock it still holds goes with it. */
  async end(): Promise<void> {
    this.child.stdin?.end();
    await this.exit;
  }
}

const children: LockChild[] = [];
const dirs: string[] = [];

function start(folder: string): Promise<LockChild> {
  const child = new LockChild(folder);
  children.push(child);
  return child.ready();
}

function folder(): string {
  const dir = tempDataDir('guichet-lock-');
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function refusal(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    return `${(error as Error).message} ${JSON.stringify((error as { params?: unknown }).params ?? {})}`;
  }
  return 'not refused';
}

describe('the folder lock between processes', () => {
  it('two processes started together: exactly one holds the folder, every round', async () => {
    const reused = folder();
    for (let round = 0; round < 15; round++) {
      // A new folder (both create the file), a folder whose lock file is left by an
      // earlier round, and a lock in the old format naming a live process (this one).
      const kind = round % 3;
      const dir = kind === 0 ? folder() : reused;
      if (kind === 2) writeFileSync(join(dir, LOCK_FILE), String(process.pid));
      const pair = await Promise.all([start(dir), start(dir)]);
      for (const child of pair) child.tell('acquire');
      const answers = await Promise.all(pair.map((child) => child.next()));

      expect(answers.sort(), `round ${round}`).toEqual(['held', 'refused data.inUse']);
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
      await Promise.all(pair.map((child) => child.end()));
    }
    expect(readdirSync(reused)).toEqual([LOCK_FILE]);
  }, 180_000);

  it('after kill -9 of the holder, the next process gets the folder at once', async () => {
    const dir = folder();
    const holder = await start(dir);
    const next = await start(dir);
    expect(await holder.ask('acquire')).toBe('held');
    expect(await next.ask('acquire')).toBe('refused data.inUse');

    await holder.kill();

    expect(await next.ask('acquire')).toBe('held');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(refusal(() => FolderLock.acquire(dir))).toMatch(/^data\.inUse/);
  }, 30_000);

  it('a lock file naming a live process that is not a holder is no obstacle', async () => {
    const dir = folder();
    const bystander = await start(folder());
    // The old version would have seen a live pid there and refused the folder forever.
    writeFileSync(join(dir, LOCK_FILE), String(bystander.pid));
    const desk = await start(dir);

    expect(await desk.ask('acquire')).toBe('held');
    expect(statSync(join(dir, LOCK_FILE)).size).toBe(0);
  }, 30_000);

  it('a lock file in the old text format is emptied in place: a holder keeps its lock', async () => {
    const dir = folder();
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, '12345\n');
    const inode = statSync(file).ino;
    const holder = await start(dir);
    expect(await holder.ask('acquire')).toBe('held');
    expect(statSync(file)).toMatchObject({ ino: inode, size: 0 });

    // Old text written over a held file (as a stray old version would) is emptied again, same inode, still held.
    writeFileSync(file, '67890');
    const other = await start(dir);
    expect(await other.ask('acquire')).toBe('refused data.inUse');
    expect(statSync(file)).toMatchObject({ ino: inode, size: 0 });

    expect(await holder.ask('release')).toBe('released');
    expect(await other.ask('acquire')).toBe('held');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  }, 30_000);
});

describe('the folder lock within one process', () => {
  it('a second acquire is refused; release lets it go and leaves the file, empty and private', () => {
    const dir = folder();
    const file = join(dir, LOCK_FILE);
    const first = FolderLock.acquire(dir);
    try {
      expect(refusal(() => FolderLock.acquire(dir))).toMatch(/^data\.inUse/);
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      first.release();
    }
    first.release();
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(statSync(file).size).toBe(0);

    const again = FolderLock.acquire(dir);
    again.release();
  });

  it('an old lock file naming this very process is taken, emptied and made private', () => {
    const dir = folder();
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, String(process.pid), { mode: 0o644 });
    const inode = statSync(file).ino;
    const lock = FolderLock.acquire(dir);
    try {
      expect(statSync(file)).toMatchObject({ ino: inode, size: 0 });
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      lock.release();
    }
  });

  it('a second desk on the same folder is refused while the first is open', () => {
    const first = openTestDesk(folder());
    try {
      expect(() => openTestDesk(first.dir)).toThrow('data.inUse');
    } finally {
      first.close();
    }
    openTestDesk(first.dir).close();
  });

  it('other failures are a storage error with a reason, and leave nothing held', () => {
    const dir = folder();
    expect(refusal(() => FolderLock.acquire(join(dir, 'missing')))).toBe('storage.writeFailed {"reason":"ENOENT"}');
    // The desk passes its Electron build of SQLite on to the lock.
    const broken = { dataDir: dir, nativeBinding: join(dir, 'no-such-binding.node') };
    expect(refusal(() => Desk.open(broken))).toMatch(/^storage\.writeFailed \{"reason":"[A-Z_]+"\}$/);
    mkdirSync(join(dir, 'sub', LOCK_FILE), { recursive: true });
    expect(refusal(() => FolderLock.acquire(join(dir, 'sub')))).toMatch(/^storage\.writeFailed \{"reason":"E[A-Z]+"\}$/);

    FolderLock.acquire(dir).release();
  });
});
