/**
 * The `newsmark` command line, on the same engine as the extension: one module per command
 * (analyzeCmd, evalCmd, annotationsCmd, exportCmd, trainCmd, agreeCmd), arguments and inputs in args.ts.
 */
import { AgreementError, ModelError } from '../core';
import { AGREE_USAGE, cmdAgree } from './agreeCmd';
import { cmdAnalyze } from './analyzeCmd';
import { ANNOTATIONS_USAGE, cmdAnnotations } from './annotationsCmd';
import { CliError, expand, parseFlags, readArticle, UsageError } from './args';
import { CORPUS_USAGE, cmdCorpus } from './corpusCmd';
import { cmdEval } from './evalCmd';
import { cmdExport, cmdImport, EXPORT_USAGE } from './exportCmd';
import { warn } from './terminal';
import { cmdTrain, TRAIN_USAGE } from './trainCmd';

const USAGE = `Usage:
  newsmark analyze [--json] [--lang uk|ru|en] [--model MODEL[,MODEL]] <file|dir>...   entities, attributions and sources
  newsmark analyze --stdin [--lang uk|ru|en] [--model MODEL[,MODEL]]   JSON Lines {"id","text"} in, one result line each out
  newsmark eval --task ner|attribution [--model MODEL[,MODEL]] <jsonl>                score the engine on gold data
${ANNOTATIONS_USAGE}
${EXPORT_USAGE}
${TRAIN_USAGE}
${AGREE_USAGE}
${CORPUS_USAGE}
  newsmark --help | --version`;

/** A system error as one line: what failed, on which path (no stack trace for a user's mistake). */
function systemError(e: NodeJS.ErrnoException): string | undefined {
  const what: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'is a folder',
    ENOTDIR: 'is not a folder',
    ENOENT: 'no such file or folder',
    EEXIST: 'exists already',
  };
  const reason = e.code && what[e.code];
  return reason && `${e.path ?? e.message}: ${reason}`;
}

/** A reader that stopped reading (| head) is not an error: stop writing, quietly. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Runs one command; throws UsageError, CliError or a read error for main() to report. */
async function run(cmd: string | undefined, args: string[]): Promise<number> {
  switch (cmd) {
    case 'analyze':
      return await cmdAnalyze(args);
    case 'export': {
      const { flags, rest } = parseFlags(args, {
        format: 'value',
        out: 'value',
        include: 'value',
        bom: 'bool',
        report: 'value',
        force: 'bool',
        'sidecar-folder': 'value',
      });
      return await cmdExport(expand(rest), flags, readArticle, (s) => process.stdout.write(s));
    }
    case 'import': {
      const { flags, rest } = parseFlags(args, {
        format: 'value',
        article: 'value',
        yes: 'bool',
        'sidecar-folder': 'value',
      });
      return await cmdImport(rest, flags, readArticle, (s) => process.stdout.write(s));
    }
    case 'annotations': {
      const { flags, rest } = parseFlags(args, {
        json: 'bool',
        label: 'value',
        start: 'value',
        end: 'value',
        quote: 'value',
        occurrence: 'value',
        note: 'value',
        author: 'value',
        'sidecar-folder': 'value',
      });
      return await cmdAnnotations(rest, flags, readArticle, (s) => process.stdout.write(s));
    }
    case 'eval':
      return cmdEval(args);
    case 'agree':
      return cmdAgree(args);
    case 'corpus':
      return await cmdCorpus(args, (s) => process.stdout.write(s));
    case 'train':
      return await cmdTrain(args);
    case '--version':
    case '-v':
      console.log('newsmark 0.1.0');
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  quietOnClosedPipe();
  try {
    return await run(cmd, args);
  } catch (e) {
    if (e instanceof UsageError) {
      warn(e.message);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (e instanceof CliError || e instanceof ModelError || e instanceof AgreementError) {
      warn(e.message);
      return 1;
    }
    if (
      e instanceof Error &&
      /^(no such file|empty file|binary file|not valid UTF-8|UTF-16 text|permission denied|not a regular file)/.test(
        e.message,
      )
    ) {
      warn(`${argv[2] ?? ''}: ${e.message}`);
      return 1;
    }
    const sys = systemError(e as NodeJS.ErrnoException);
    if (sys) {
      warn(sys);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
