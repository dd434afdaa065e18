// Which paths a walk over an archive gives: links followed, loops and doubles left out, broken links and pipes kept
// as inputs (they fail with their reason instead of vanishing from the count).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectInputs } from '../../src/batch/inputs.js';
import { hashFile } from '../../src/batch/resume.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('kepu-inputs-test-');

async function tree() {
  const work = await tmp();
  const arch = join(work, 'archive');
  const other = join(work, 'elsewhere');
  await mkdir(join(arch, '2023'), { recursive: true });
  await mkdir(join(arch, '.trash'), { recursive: true });
  await mkdir(join(other, 'deep'), { recursive: true });
  await writeFile(join(arch, '2023', 'a.txt'), 'x');
  await writeFile(join(arch, '.trash', 'old.txt'), 'x');
  await writeFile(join(other, 'b.txt'), 'x');
  await writeFile(join(other, 'deep', 'c.txt'), 'x');
  return { work, arch, other };
}

describe('collectInputs', () => {
  it('follows a link to a folder or file outside the walk, and leaves out links to what the walk reaches anyway', async () => {
    const { arch, other } = await tree();
    await symlink(other, join(arch, '2022')); // a year kept on another disk
    await symlink(join(arch, '2023', 'a.txt'), join(arch, 'a-copy.txt')); // the same document twice
    await symlink(join(arch, '2023'), join(arch, 'latest'));
    await symlink(join(arch, '.trash', 'old.txt'), join(arch, 'kept.txt')); // its target is hidden from the walk
    const { files, missing } = await collectInputs([arch]);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.slice(arch.length + 1)).sort()).toEqual(['2022/b.txt', '2022/deep/c.txt', '2023/a.txt', 'kept.txt']);
  });

  it('ends on a link back to an ancestor (a loop)', async () => {
    const { arch, other } = await tree();
    await symlink(other, join(arch, 'out'));
    await symlink(other, join(other, 'deep', 'up')); // elsewhere/deep/up → elsewhere: a loop outside the archive
    const { files } = await collectInputs([arch]);
    expect(files.map((f) => f.slice(arch.length + 1)).sort()).toEqual(['2023/a.txt', 'out/b.txt', 'out/deep/c.txt']);
  });

  it('keeps a broken link and a pipe as inputs, so the batch names them as failures', async () => {
    const { arch } = await tree();
    await symlink(join(arch, 'gone.txt'), join(arch, 'broken.txt'));
    execFileSync('mkfifo', [join(arch, 'pipe.txt')]);
    const { files } = await collectInputs([arch]);
    expect(files.map((f) => f.slice(arch.length + 1)).sort()).toEqual(['2023/a.txt', 'broken.txt', 'pipe.txt']);
  });

  it('walks the folders it is given and reports a missing path', async () => {
    const { work, arch } = await tree();
    const { files, missing } = await collectInputs([arch, join(work, 'nowhere')]);
    expect(files).toEqual([join(arch, '2023', 'a.txt')]);
    expect(missing).toEqual([join(work, 'nowhere')]);
  });
});

describe('hashFile', () => {
  it('refuses a pipe instead of waiting for a writer forever', async () => {
    const work = await tmp();
    execFileSync('mkfifo', [join(work, 'p')]);
    await expect(hashFile(join(work, 'p'))).rejects.toThrow(/not a regular file/);
  });
});
