/**
 * Pack tooling for story-pack authors: `npm run pack -- <verb>`.
 *
 *   check [FILE...]                 schema, and every URL, quote and date traced to the pack's evidence
 *   build [FILE...]                 compiles the detection index and reports sizes
 *   keygen --out FILE               a new Ed25519 key pair: the private key to FILE (outside the repo)
 *   sign FILE [--key KEYFILE]       writes FILE.sig (Ed25519, base64)
 *   feed --out DIR [--key KEYFILE] [--days N] [FILE...]
 *                                   a static feed folder: index.json, index.json.sig, packs/
 *   serve DIR [--port N]            serves a feed folder on 127.0.0.1
 *   export-claimreview ID [--reviewer NAME]
 *                                   the pack's claims as schema.org ClaimReview JSON-LD
 *   import-claimreview FILE         published ClaimReview items as a draft pack section
 *
 * Without FILE, check, build and feed take every bundled pack. The signing key comes from
 * --key or the PACK_SIGNING_KEY environment variable, never from the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPrefilterIndex, renderPrefilterIndexModule } from '../../detection/prefilter-build';
import { compilePack } from '../../detection/compile';
import { claimReviewsToDraft, packToClaimReviews, parseClaimReviewSource } from '../../packs/claimreview';
import { contentProblems } from '../../packs/evidence';
import { buildFeed, generateKeyPair, publicKeyOf, signBytes } from '../../packs/feed/build';
import { INDEX_FILE, SIGNATURE_FILE } from '../../packs/feed/format';
import { PackValidationError } from '../../packs/load';
import { bundledPackFiles, loadPackFile, readEvidence, REPO_ROOT, resolveArg, takeOption, type LoadedPack } from './io';
import { signingKey } from './keys';
import { serveFeed } from './serve';

const out = (line: string) => process.stdout.write(`${line}\n`);

function packFiles(args: string[]): string[] {
  return args.length > 0 ? args.map(resolveArg) : bundledPackFiles();
}

function checkFile(file: string): string[] {
  let loaded: LoadedPack;
  try {
    loaded = loadPackFile(file);
  } catch (error) {
    if (error instanceof PackValidationError) return [...error.problems];
    return [error instanceof Error ? error.message : String(error)];
  }
  const { pack } = loaded;
  if (pack.evidence.length === 0) return ['evidence: the pack names no evidence files, so nothing in it can be traced'];
  const { corpus, missing } = readEvidence(pack);
  return [...missing.map((path) => `evidence: ${path} cannot be read`), ...contentProblems(pack, corpus)];
}

function check(args: string[]): number {
  let failed = 0;
  for (const file of packFiles(args)) {
    const problems = checkFile(file);
    const name = relative(process.cwd(), file);
    if (problems.length === 0) out(`ok   ${name}`);
    else {
      failed++;
      out(`FAIL ${name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      for (const p of problems) out(`  ${p}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function build(args: string[]): number {
  const write = args.includes('--write');
  const files = packFiles(args.filter((a) => a !== '--write'));
  const loaded = files.map(loadPackFile);
  for (const { pack, bytes } of loaded) {
    const compiled = compilePack(pack);
    const terms = compiled.signals.reduce((n, s) => n + s.terms.length, 0);
    const mentionTerms = compiled.mentions.reduce((n, k) => n + k.terms.length + k.negations.length, 0);
    out(`${pack.id} v${pack.version}: ${compiled.signals.length} signals (${terms} terms), ${compiled.mentions.length} mention kinds (${mentionTerms} terms)`);
    out(`  pack ${kb(bytes.length)}, ${kb(gzipSync(bytes).length)} gzipped`);
  }
  const index = buildPrefilterIndex(loaded.map((l) => l.pack));
  const module = renderPrefilterIndexModule(index);
  const entries = index.packs.map((p) => `${p.id} ${p.terms.length} terms`).join(', ');
  out(`prefilter index: ${entries}; ${kb(Buffer.byteLength(module))}, ${kb(gzipSync(module).length)} gzipped as a module`);
  if (write) {
    const target = join(REPO_ROOT, 'src/packs/prefilter-index.ts');
    writeFileSync(target, module);
    out(`wrote ${relative(process.cwd(), target)}`);
  }
  return 0;
}

async function keygen(args: string[]): Promise<number> {
  const file = takeOption(args, '--out');
  if (!file) throw new Error('keygen needs --out FILE');
  const target = resolveArg(file);
  if (!relative(REPO_ROOT, target).startsWith('..')) throw new Error(`Refusing to write a private key inside the repository (${file}).`);
  const pair = await generateKeyPair();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, pair.privatePem, { mode: 0o600 });
  out(`private key written to ${target}`);
  out(`public key (ship this in the extension): ${pair.publicKey}`);
  return 0;
}

async function sign(args: string[]): Promise<number> {
  const key = await signingKey(takeOption(args, '--key'));
  const [file] = args;
  if (!file) throw new Error('sign needs a FILE');
  const signature = await signBytes(new Uint8Array(readFileSync(resolveArg(file))), key);
  writeFileSync(`${resolveArg(file)}.sig`, `${signature}\n`);
  out(`wrote ${file}.sig; public key ${await publicKeyOf(key)}`);
  return 0;
}

async function feed(args: string[]): Promise<number> {
  const dir = takeOption(args, '--out');
  if (!dir) throw new Error('feed needs --out DIR');
  const days = Number(takeOption(args, '--days') ?? '7');
  const key = await signingKey(takeOption(args, '--key'));
  const packs = packFiles(args).map(loadPackFile);
  const built = await buildFeed(
    packs.map(({ pack, bytes }) => ({ id: pack.id, version: pack.version, bytes: new Uint8Array(bytes) })),
    new Date(),
    days,
  );
  const root = resolveArg(dir);
  for (const [path, bytes] of built.files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  writeFileSync(join(root, INDEX_FILE), built.indexBytes);
  writeFileSync(join(root, SIGNATURE_FILE), `${await signBytes(built.indexBytes, key)}\n`);
  for (const entry of built.index.packs) out(`${entry.path}  ${entry.size} bytes  sha-256 ${entry.sha256}`);
  out(`wrote ${relative(process.cwd(), root) || '.'}/${INDEX_FILE} (expires ${built.index.expires}) and ${SIGNATURE_FILE}`);
  out(`public key: ${await publicKeyOf(key)}`);
  return 0;
}

async function serve(args: string[]): Promise<number> {
  const port = Number(takeOption(args, '--port') ?? '0');
  const [dir] = args;
  if (!dir) throw new Error('serve needs a DIR');
  const { url } = await serveFeed(resolveArg(dir), port);
  out(`serving ${dir} at ${url}${INDEX_FILE} (Ctrl-C to stop)`);
  return new Promise<number>(() => undefined);
}

function exportClaimReview(args: string[]): number {
  const reviewer = takeOption(args, '--reviewer');
  const [id] = args;
  if (!id) throw new Error('export-claimreview needs a pack ID');
  const found = bundledPackFiles().map(loadPackFile).find((l) => l.pack.id === id);
  if (!found) throw new Error(`No bundled pack with id "${id}".`);
  out(JSON.stringify(packToClaimReviews(found.pack, reviewer ? { reviewer } : {}), null, 2));
  return 0;
}

function importClaimReview(args: string[]): number {
  const [file] = args;
  if (!file) throw new Error('import-claimreview needs a FILE');
  const reviews = parseClaimReviewSource(readFileSync(resolveArg(file), 'utf8'));
  if (reviews.length === 0) throw new Error(`No ClaimReview found in ${file}.`);
  out(JSON.stringify(claimReviewsToDraft(reviews), null, 2));
  return 0;
}

const VERBS: Record<string, (args: string[]) => number | Promise<number>> = {
  check,
  build,
  keygen,
  sign,
  feed,
  serve,
  'export-claimreview': exportClaimReview,
  'import-claimreview': importClaimReview,
};

async function main(argv: string[]): Promise<number> {
  const [verb, ...args] = argv;
  const run = verb ? VERBS[verb] : undefined;
  if (!run) {
    process.stderr.write(`usage: npm run pack -- <${Object.keys(VERBS).join(' | ')}> ...\n`);
    return 2;
  }
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
