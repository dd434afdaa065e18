#!/usr/bin/env node
// Benchmark: builds a batch from the corpus (every copy made unique, so no two share a sha256), runs the built
// CLI over it per format with 1 worker and with all cores, and reports documents/s, MB/s, OCR s/page, peak RSS
// (sampled over the whole process tree) and pdftotext's figures on the same PDFs. See docs/benchmark.md.
//
//   npm run bench                      # full run (2,000 txt + PDFs/Word + 10,000-document memory run)
//   npm run bench -- --quick           # small sizes, for a smoke test
//   npm run bench -- --txt 5000 --pdf 300 --big 20000 --jobs 1,2,4 --json bench-out/results.json
//   npm run bench -- --wait-idle 300   # on a shared machine: before each run wait up to 300 s for idle CPUs
//   npm run bench -- --only txt,memory # parts: txt, pdf, docx, doc, ocr, memory
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'bin.js');
const CORPUS = join(ROOT, 'corpus');

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: join(ROOT, 'bench-out') },
    // where the CLI writes its records (default DIR/runs); a RAM disk (/dev/shm) keeps the disk's own cost out
    runs: { type: 'string' },
    // run each measurement N times and keep the median (by wall time): a shared machine varies by ±25 %
    repeat: { type: 'string', default: '1' },
    txt: { type: 'string', default: '2000' },
    pdf: { type: 'string', default: '400' },
    docx: { type: 'string', default: '1000' },
    doc: { type: 'string', default: '1000' },
    scan: { type: 'string', default: '2' },
    big: { type: 'string', default: '10000' },
    jobs: { type: 'string' },
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'wait-idle': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const N = (k) => Number(args.quick ? { txt: 200, pdf: 20, docx: 20, doc: 20, scan: 1, big: 1000 }[k] : args[k]);
const cores = availableParallelism();
const JOBS = args.jobs ? args.jobs.split(',').map(Number) : [...new Set([1, cores])];

// ---------------------------------------------------------------------------------------------------------- inputs

const seeds = (re) => readdirSync(CORPUS).filter((f) => re.test(f)).sort().map((f) => join(CORPUS, f));

/** Per format: the source files and how to make copy i unique without changing what the reader extracts. */
const FORMATS = {
  txt: {
    sources: seeds(/^seed\d+\.txt$/),
    unique: async (buf, i) => Buffer.concat([buf, Buffer.from(`\n归档编号：KB-${i}\n`)]),
  },
  pdf: {
    sources: seeds(/^seed\d+-(pdf|cid)\.pdf$/),
    unique: async (buf, i) => Buffer.concat([buf, Buffer.from(`\n%kepu-bench ${i}\n`)]), // a comment after %%EOF
  },
  docx: {
    sources: seeds(/^seed\d+-(docx|autonum)\.docx$/),
    unique: async (buf, i) => {
      const zip = await JSZip.loadAsync(buf);
      zip.file('customXml/kepu-bench.xml', `<bench id="${i}"/>`); // a part Word and the reader ignore
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    },
  },
  doc: {
    sources: seeds(/^seed\d+-doc\.doc$/),
    unique: async (buf, i) => {
      const pad = Buffer.alloc(512); // one unreferenced sector after the compound file
      pad.write(`kepu-bench ${i}`);
      return Buffer.concat([buf, pad]);
    },
  },
  scan: {
    sources: seeds(/-scan\.pdf$/),
    unique: async (buf, i) => Buffer.concat([buf, Buffer.from(`\n%kepu-bench ${i}\n`)]),
  },
};

async function build(format, n, dir) {
  const f = FORMATS[format];
  if (!f.sources.length || n <= 0) return null;
  const marker = join(dir, '.complete');
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === String(n)) return summarise(dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const bufs = await Promise.all(f.sources.map((s) => readFile(s)));
  const ext = format === 'scan' ? 'pdf' : format;
  for (let i = 0; i < n; i++) {
    const k = i % bufs.length;
    await writeFile(join(dir, `${basename(f.sources[k]).replace(/\.[^.]+$/, '')}-${String(i).padStart(5, '0')}.${ext}`), await f.unique(bufs[k], i));
  }
  await writeFile(marker, String(n));
  return summarise(dir);
}

async function summarise(dir) {
  const files = (await readdir(dir)).filter((f) => !f.startsWith('.')).map((f) => join(dir, f));
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  return { dir, files, bytes };
}

// ---------------------------------------------------------------------------------------------------------- runs

/** Resident memory of a process and all its descendants (Linux /proc), MB. */
function treeRssMb(pid) {
  let kb = 0;
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) kids.split(/\s+/).forEach((c) => visit(Number(c)));
      }
    } catch {
      /* exited meanwhile */
    }
  };
  visit(pid);
  return kb / 1024;
}

/** GNU time, when installed: CPU seconds of the whole process tree (worker processes are reaped by the CLI). */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const CPU_MARK = 'kepu-bench-cpu';

function timed(cmd, argv, opts = {}) {
  if (GNU_TIME) [cmd, argv] = [GNU_TIME, ['-f', `${CPU_MARK} %U %S`, cmd, ...argv]];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, treeRssMb(p.pid))), 100);
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => {
      clearInterval(sample);
      const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(stderr);
      const cpuSec = cpu ? Number(cpu[1]) + Number(cpu[2]) : null;
      resolve({ code, sec: (performance.now() - t0) / 1000, cpuSec, peakRssMb: peak, stdout, stderr });
    });
  });
}

/** Share of the machine's CPU time that was idle over `ms` (Linux /proc/stat); null elsewhere. */
async function idleShare(ms = 2000) {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return a && b && b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : null;
}

/** With --wait-idle SEC: before each run, wait (up to SEC) until other programs leave the CPUs ≥ 90 % idle. */
async function settle() {
  const limit = Number(args['wait-idle'] ?? 0) * 1000;
  const t0 = performance.now();
  let idle = await idleShare(limit ? 2000 : 500);
  while (limit && idle !== null && idle < 0.9 && performance.now() - t0 < limit) idle = await idleShare(2000);
  return idle;
}

const RUNS = () => args.runs ?? join(args.dir, 'runs');
const REPEAT = Math.max(1, Number(args.repeat) || 1);

/** The median run (by wall time) of REPEAT runs. */
async function median(run) {
  const all = [];
  for (let i = 0; i < REPEAT; i++) all.push(await run());
  all.sort((a, b) => a.sec - b.sec);
  return { ...all[(all.length - 1) >> 1], repeats: all.map((x) => Number(x.sec.toFixed(3))) };
}

async function runCli(set, jobs, extra = []) {
  return median(() => runCliOnce(set, jobs, extra));
}

async function runCliOnce(set, jobs, extra = []) {
  const out = join(RUNS(), `${basename(set.dir)}-j${jobs}`);
  await rm(out, { recursive: true, force: true });
  const idle = await settle(); // other work on the machine skews every figure: keep the idle share with the result
  const load1 = loadavg()[0];
  const r = await timed(process.execPath, [BIN, set.dir, '--out', out, '--jobs', String(jobs), ...extra]);
  const m = /(\d+) inputs: (\d+) records .*?, (\d+) failures/.exec(r.stdout);
  if (!m) throw new Error(`unexpected CLI output (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  const records = Number(m[2]);
  const failures = Number(m[3]);
  return { jobs, sec: r.sec, cpuSec: r.cpuSec, records, failures, peakRssMb: r.peakRssMb, load1, idleBefore: idle, out };
}

async function pagesOf(outDir) {
  let pages = 0;
  for (const f of await readdir(outDir)) {
    if (!f.endsWith('.json')) continue;
    pages += JSON.parse(await readFile(join(outDir, f), 'utf8')).source.pages ?? 0;
  }
  return pages;
}

async function pdftotextRun(set, jobs) {
  return median(() => pdftotextRunOnce(set, jobs));
}

async function pdftotextRunOnce(set, jobs) {
  await settle();
  let next = 0;
  const out = join(RUNS(), 'pdftotext.txt');
  await mkdir(RUNS(), { recursive: true });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < set.files.length) {
        const f = set.files[next++];
        await new Promise((resolve) => spawn('pdftotext', ['-enc', 'UTF-8', f, `${out}.${jobs}`], { stdio: 'ignore' }).on('close', resolve));
      }
    }),
  );
  return { jobs, sec: (performance.now() - t0) / 1000 };
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

// ---------------------------------------------------------------------------------------------------------- stages

/** Where one core's time goes: the pipeline's stages timed in this process, after a warm-up (dictionary loaded). */
async function stageProfile(set, limit) {
  const D = (m) => import(join(ROOT, 'dist', m));
  const [{ readBytes }, { createDocument }, { normalise }, { segment }, { structure }, { extract }, { validate }, { emit }, { readGovernedFigures }] = await Promise.all(
    ['read/index.js', 'document.js', 'normalise/index.js', 'segment/index.js', 'structure/index.js', 'extract/index.js', 'validate/index.js', 'emit/record.js', 'extract/unitStretch.js'].map(D),
  );
  const textStages = (d) => [normalise, segment, structure, extract].forEach((fn) => fn(d));
  // reread: the text stages again when a unit line governs bare figures (pipeline.ts processDocument), rarely
  const stages = { normalise, segment, structure, extract, reread: null, validate, emit };
  // spread over the set (copies of each source file are next to each other in name order)
  const step = Math.max(1, Math.floor(set.files.length / limit));
  const files = set.files.filter((_, i) => i % step === 0).slice(0, limit);
  const bufs = await Promise.all(files.map((f) => readFile(f)));
  const ms = { read: 0, ...Object.fromEntries(Object.keys(stages).map((k) => [k, 0])) };
  const once = async (buf, acc) => {
    let t = performance.now();
    const doc = createDocument('bench', 'x', await readBytes(buf));
    // (the reader's result as processDocument keeps it for the second reading: the stages change the document's lists)
    const read = { text: doc.text, format: doc.format, pages: doc.pages, tables: [...doc.tables], layoutTables: [...doc.layoutTables], pageBreaks: [...doc.pageBreaks] };
    if (acc) ms.read += performance.now() - t;
    for (const [k, fn] of Object.entries(stages)) {
      t = performance.now();
      if (fn) fn(doc);
      else readGovernedFigures(doc, read, textStages);
      if (acc) ms[k] += performance.now() - t;
    }
  };
  await once(bufs[0], false); // warm-up: loads the dictionary and the readers
  for (const b of bufs) await once(b, true);
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const bytes = bufs.reduce((n, b) => n + b.length, 0);
  return {
    docs: bufs.length,
    msPerDoc: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, v / bufs.length])),
    totalMsPerDoc: total / bufs.length,
    docsPerSec: (1000 * bufs.length) / total,
    mbPerSec: bytes / 1e6 / (total / 1000),
  };
}

// ---------------------------------------------------------------------------------------------------------- main

const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

async function main() {
  if (!args['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const env = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? '?'} × ${cores}`,
    memGb: Math.round(totalmem() / 2 ** 30),
    loadBefore: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
  process.stderr.write(`bench: ${env.cpu}, node ${env.node}, load ${env.loadBefore}\n`);

  // start-up: the CLI on one small text, per worker count (process start, worker start, dictionary load)
  const tiny = await build('txt', 1, join(args.dir, 'inputs', 'startup'));
  const startup = {};
  for (const j of JOBS) startup[j] = (await runCli(tiny, j)).sec;

  const results = [];
  const only = args.only ? new Set(args.only.split(',')) : null;
  const want = (part) => !only || only.has(part);
  for (const format of ['txt', 'pdf', 'docx', 'doc'].filter(want)) {
    const set = await build(format, N(format), join(args.dir, 'inputs', format));
    if (!set) continue;
    const row = { format, docs: set.files.length, mb: set.bytes / 1e6, runs: [] };
    for (const j of JOBS) {
      process.stderr.write(`bench: ${format} × ${set.files.length}, ${j} worker(s)…\n`);
      const r = await runCli(set, j);
      row.runs.push({
        ...r,
        docsPerSec: set.files.length / r.sec,
        mbPerSec: set.bytes / 1e6 / r.sec,
        // per core: documents per CPU-second of the whole tree (main + workers), start-up included
        docsPerCpuSec: r.cpuSec ? set.files.length / r.cpuSec : null,
      });
    }
    if (format === 'pdf' && hasPdftotext) {
      row.pdftotext = [];
      for (const j of JOBS) {
        const r = await pdftotextRun(set, j);
        row.pdftotext.push({ ...r, docsPerSec: set.files.length / r.sec, mbPerSec: set.bytes / 1e6 / r.sec, msPerFile: (1000 * r.sec) / set.files.length });
      }
    }
    try {
      await settle();
      row.stages = await stageProfile(set, format === 'txt' ? 500 : 50);
    } catch (e) {
      process.stderr.write(`bench: no stage profile for ${format}: ${e.message}\n`);
    }
    results.push(row);
  }

  // OCR: scanned PDFs, one worker, seconds per recognised page (start-up included, it is paid per worker)
  let ocr = null;
  const scans = want('ocr') ? await build('scan', N('scan'), join(args.dir, 'inputs', 'scan')) : null;
  if (scans) {
    process.stderr.write(`bench: OCR × ${scans.files.length}…\n`);
    const r = await runCli(scans, 1);
    const pages = await pagesOf(r.out);
    ocr = { docs: scans.files.length, pages, sec: r.sec, secPerPage: r.sec / pages, peakRssMb: r.peakRssMb, failures: r.failures };
  }

  // memory: the same text batch at 2,000 and at the big size, all cores — peak RSS must not grow with the count
  const memory = [];
  const memorySets = want('memory')
    ? [await build('txt', N('txt'), join(args.dir, 'inputs', 'txt')), await build('txt', N('big'), join(args.dir, 'inputs', 'big'))]
    : [];
  for (const set of memorySets) {
    process.stderr.write(`bench: memory, ${set.files.length} documents, ${cores} workers…\n`);
    const r = await runCli(set, cores);
    memory.push({ docs: set.files.length, sec: r.sec, docsPerSec: set.files.length / r.sec, docsPerCpuSec: r.cpuSec ? set.files.length / r.cpuSec : null, peakRssMb: r.peakRssMb, records: r.records });
  }

  const report = { env, settings: { repeat: REPEAT, runs: RUNS() }, jobs: JOBS, startup, results, ocr, memory, loadAfter: loadavg().map((l) => l.toFixed(2)).join(' ') };
  await mkdir(args.dir, { recursive: true });
  const jsonFile = args.json ?? join(args.dir, 'results.json');
  await writeFile(jsonFile, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(markdown(report) + `\n(raw figures: ${jsonFile})\n`);
}

function markdown(r) {
  const [one, all] = [r.jobs[0], r.jobs.at(-1)];
  const lines = [];
  lines.push(`Machine: ${r.env.cpu}, ${r.env.memGb} GB, Node ${r.env.node}; load average before/after: ${r.env.loadBefore} / ${r.loadAfter}.`);
  if (r.settings) lines.push(`Each run figure is the median of ${r.settings.repeat} run(s); the CLI wrote its records to ${r.settings.runs}.`);
  lines.push(`Start-up (CLI on one small text, to first record written): ${r.jobs.map((j) => `${j} worker(s) ${fmt(r.startup[j], 2)} s`).join(', ')}.`);
  lines.push('');
  lines.push(`| format | documents | MB | docs/s, ${one} worker | MB/s, ${one} worker | docs/s, ${all} workers | MB/s, ${all} workers | speed-up | speed-up after start-up | docs per CPU-second | peak RSS (${all} workers) | failures |`);
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of r.results) {
    const a = x.runs.find((y) => y.jobs === one);
    const b = x.runs.find((y) => y.jobs === all);
    const steady = (a.sec - r.startup[one]) / (b.sec - r.startup[all]);
    lines.push(`| ${x.format} | ${x.docs} | ${fmt(x.mb)} | ${fmt(a.docsPerSec)} | ${fmt(a.mbPerSec, 2)} | ${fmt(b.docsPerSec)} | ${fmt(b.mbPerSec, 2)} | ${fmt(a.sec / b.sec, 2)}× | ${fmt(steady, 2)}× | ${fmt(a.docsPerCpuSec)} | ${fmt(b.peakRssMb, 0)} MB | ${b.failures} |`);
    if (x.pdftotext) {
      const pa = x.pdftotext.find((y) => y.jobs === one);
      const pb = x.pdftotext.find((y) => y.jobs === all);
      lines.push(`| pdf: pdftotext (reference) | ${x.docs} | ${fmt(x.mb)} | ${fmt(pa.docsPerSec)} | ${fmt(pa.mbPerSec, 2)} | ${fmt(pb.docsPerSec)} | ${fmt(pb.mbPerSec, 2)} | ${fmt(pa.sec / pb.sec, 2)}× | – | – | – | – |`);
    }
  }
  lines.push('');
  const pdf = r.results.find((x) => x.format === 'pdf');
  if (pdf?.pdftotext) {
    const ours = (1000 * pdf.runs.find((y) => y.jobs === one).sec) / pdf.docs;
    const theirs = pdf.pdftotext.find((y) => y.jobs === one).msPerFile;
    lines.push(`Text-layer PDF, per file with one worker: kepu-extract ${fmt(ours, 1)} ms (whole pipeline) vs pdftotext ${fmt(theirs, 1)} ms (text only, one process per file) = ${fmt(ours / theirs, 2)}×.`);
  }
  const used = r.results.map((x) => x.runs.find((y) => y.jobs === one)).filter((y) => y?.cpuSec);
  if (used.length) lines.push(`CPU cores busy while ${one} worker runs (CPU-seconds of the process tree ÷ wall seconds): ${r.results.map((x) => { const y = x.runs.find((z) => z.jobs === one); return `${x.format} ${fmt(y.cpuSec / y.sec, 2)}`; }).join(', ')}.`);
  const idles = r.results.flatMap((x) => x.runs.map((y) => `${x.format}×${y.jobs} ${y.idleBefore === null ? '?' : Math.round(100 * y.idleBefore)} %`));
  if (idles.length) lines.push(`CPU idle just before each run (other programs on the machine skew the figures when this is low): ${idles.join(', ')}.`);
  const profiled = r.results.filter((x) => x.stages);
  if (profiled.length) {
    const names = Object.keys(profiled[0].stages.msPerDoc);
    lines.push('');
    lines.push(`Where one core's time goes (ms per document, in-process, warm; read = format → text):`);
    lines.push('');
    lines.push(`| format | ${names.join(' | ')} | total | docs/s | MB/s |`);
    lines.push(`|---|${names.map(() => '---:').join('|')}|---:|---:|---:|`);
    for (const x of profiled) {
      const st = x.stages;
      lines.push(`| ${x.format} | ${names.map((n) => fmt(st.msPerDoc[n], 2)).join(' | ')} | ${fmt(st.totalMsPerDoc, 2)} | ${fmt(st.docsPerSec)} | ${fmt(st.mbPerSec, 2)} |`);
    }
    lines.push('');
  }
  if (r.ocr) lines.push(`OCR (scanned PDF, 1 worker): ${r.ocr.docs} document(s), ${r.ocr.pages} pages in ${fmt(r.ocr.sec)} s = ${fmt(r.ocr.secPerPage, 1)} s per page; peak RSS ${fmt(r.ocr.peakRssMb, 0)} MB.`);
  for (const m of r.memory) lines.push(`Memory: ${m.docs} text documents on ${all} workers: ${fmt(m.docsPerSec)} docs/s (${fmt(m.docsPerCpuSec)} per CPU-second), peak RSS ${fmt(m.peakRssMb, 0)} MB.`);
  return lines.join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.stack ?? e}\n`);
  process.exit(1);
});
