// Command line: one file → JSON on stdout; many paths → one JSON file each in --out DIR.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { statSync } from 'node:fs';
import { runBatch, type BatchOptions } from './batch/run.js';
import { extractOne } from './batch/one.js';
import { youngGenerationGrows } from './batch/heap.js';
import { collectInputs } from './batch/inputs.js';
import { printSummary } from './batch/summary.js';

// the review page's modules load only with --html: the batch's main process stays small without them
const review = () => import('./review/write.js');

export const HELP = `kepu-extract — Chinese 科协 budget/performance reports → schema-validated JSON with evidence

Usage:
  kepu-extract FILE                       print the record for FILE as JSON on stdout
  kepu-extract PATH... --out DIR          write DIR/<file name without extension>.json for every input
                                          (directories are walked); prints a summary table
Options:
  --out DIR        write one record per input into DIR
  --jsonl FILE     also append one record per line to FILE
  --text DIR       also write the extracted plain text (what evidence offsets point into) as DIR/<name>.txt
  --no-ocr         never OCR scanned PDFs (they fail with code no_text instead)
  --jobs N         documents processed in parallel (default: number of cores)
  --force          redo documents already done in --out (default: skip them)
  --db FILE        load the records into a DuckDB database (tables keyed by sha256)
  --csv DIR        write the warehouse tables as CSV (UTF-8 with BOM)
  --parquet DIR    write the warehouse tables as Parquet
  --html PATH      write a review page (FILE.html for one input, a directory with index.html for many)
  --timeout SEC    give up on one file after SEC seconds (default 120; OCR gets 10 s more per page)
  --quiet          no progress or summary output
  -h, --help       show this help

Exit codes: 0 every input produced a record; 1 some input failed (one line per failure on stderr:
path and reason); 2 usage error.
Supported inputs: .txt (UTF-8, UTF-16 with BOM, GB18030, Big5; markdown from converters too), .pdf (text layer; scanned pages via OCR),
.docx, .doc, .rtf, .html/.htm (saved portal pages, Word's "save as web page"), .mht/.mhtml (web archives), .xlsx/.xls
(a 自评表 or 基础数据表 filled in as a spreadsheet) — the
format is read from the file's bytes, not its name.`;

const options = {
  out: { type: 'string' },
  jsonl: { type: 'string' },
  text: { type: 'string' },
  'no-ocr': { type: 'boolean' },
  jobs: { type: 'string' },
  force: { type: 'boolean' },
  db: { type: 'string' },
  csv: { type: 'string' },
  parquet: { type: 'string' },
  html: { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

function usage(msg: string): never {
  process.stderr.write(`kepu-extract: ${msg}\nTry 'kepu-extract --help'.\n`);
  process.exit(2);
}

/** An existing path of the other kind: said before any document is read, not after the batch. */
function isA(path: string, kind: 'file' | 'folder'): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  return !!st && (kind === 'folder' ? st.isDirectory() : !st.isDirectory());
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} takes a positive whole number, got '${v}'`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) usage('no input given');
  for (const name of ['out', 'text', 'csv', 'parquet'] as const) if (v[name] && isA(v[name], 'file')) usage(`--${name} ${v[name]}: is a file, not a folder`);
  for (const name of ['jsonl', 'db'] as const) if (v[name] && isA(v[name], 'folder')) usage(`--${name} ${v[name]}: is a folder, not a file`);
  const opts: BatchOptions = {
    out: v.out,
    jsonl: v.jsonl,
    textDir: v.text,
    ocr: !v['no-ocr'],
    jobs: positiveInt(v.jobs, 'jobs'),
    force: !!v.force,
    db: v.db,
    csv: v.csv,
    parquet: v.parquet,
    html: v.html,
    timeoutSec: positiveInt(v.timeout, 'timeout'),
    quiet: !!v.quiet,
  };

  const inputs = await collectInputs(positionals);
  if (inputs.missing.length) {
    for (const m of inputs.missing) process.stderr.write(`${m}: no such file or directory\n`);
  }
  const single = inputs.files.length === 1 && positionals.length === 1;
  const batchMode = !!(opts.out || opts.jsonl || opts.db || opts.csv || opts.parquet) || (!!opts.html && !single);
  if (!batchMode) {
    if (inputs.files.length !== 1 || positionals.length !== 1) {
      if (inputs.files.length === 0 && inputs.missing.length) return 1;
      usage('several inputs need --out DIR (or --jsonl FILE)');
    }
    youngGenerationGrows(true); // the document is read in this process
    const res = await extractOne(inputs.files[0], opts);
    if (!res.ok) {
      process.stderr.write(`${inputs.files[0]}: ${res.message}\n`);
      return 1;
    }
    process.stdout.write(JSON.stringify(res.record, null, 2) + '\n');
    if (opts.html && !(await (await review()).writeSingleReview({ path: res.path, record: res.record, text: res.doc.text, pages: res.doc.pages }, opts))) return 1;
    return inputs.missing.length ? 1 : 0;
  }
  const summary = await runBatch(inputs.files, opts);
  const reviewOk = !opts.html || (await (await review()).writeReviewIndex(summary, opts));
  if (!opts.quiet) printSummary(summary, process.stdout);
  return summary.failures.length || inputs.missing.length || summary.outputError || !reviewOk ? 1 : 0;
}
