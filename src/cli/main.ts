/**
 * The `newsmark` command line, on the same engine as the extension: one module per command
 * (analyzeCmd, evalCmd, annotationsCmd, exportCmd), arguments and inputs in args.ts.
 */
import { cmdAnalyze } from './analyzeCmd';
import { ANNOTATIONS_USAGE, cmdAnnotations } from './annotationsCmd';
import { CliError, expand, parseFlags, readArticle, UsageError } from './args';
import { cmdEval } from './evalCmd';
import { cmdExport, cmdImport, EXPORT_USAGE } from './exportCmd';

const USAGE = `Usage:
  newsmark analyze [--json] [--lang uk|ru|en] <file|dir>...   entities, attributions and sources
  newsmark eval --task ner|attribution <jsonl>                score the engine on gold data
${ANNOTATIONS_USAGE}
${EXPORT_USAGE}
  newsmark --help | --version`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
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
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`newsmark: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`newsmark: ${e.message}\n`);
      return 1;
    }
    if (
      e instanceof Error &&
      /^(no such file|empty file|binary file|not valid UTF-8|permission denied|not a regular file)/.test(
        e.message,
      )
    ) {
      process.stderr.write(`newsmark: ${argv[2] ?? ''}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
