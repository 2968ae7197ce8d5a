/**
 * `ktv`: the command line. With no subcommand (or only files) it launches the app on those files; each
 * subcommand lives in its own module under commands/ and exports `run(argv, io): Promise<number>`.
 */
import type { CliIo } from './io';
import { defaultIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  summary: () => import('./commands/summary'),
  compare: () => import('./commands/compare'),
  insights: () => import('./commands/insights'),
  export: () => import('./commands/export'),
  filter: () => import('./commands/filter'),
  konnect: () => import('./commands/konnect'),
  receive: () => import('./commands/receive'),
  launch: () => import('./commands/launch'),
};

const usage = `usage: ktv [FILE...]                      open the app on these files
       ktv summary FILE [--json]           per-trace summaries of a trace file
       ktv compare FILE_A[#TRACE_ID] FILE_B[#TRACE_ID] [--json]   what made B slower than A
       ktv insights FILE... [--where EXPR] [--group-by route|service|consumer|status|node|none] [--json]   where the time goes across requests
       ktv export FILE|SESSION_ID [--control-plane ID] --out OUT.json   sanitized OTLP/JSON for sharing
       ktv filter FILE --where EXPR [--json]
       ktv konnect control-planes|nodes|sessions|start|stop|pull ...   (ktv konnect --help)
       ktv receive [--port N] [--where EXPR] [--duration S] [--max-traces N] --out FILE.json`;

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(usage);
    return 0;
  }
  if (first !== undefined && Object.prototype.hasOwnProperty.call(commands, first)) {
    const mod = await commands[first]!();
    return mod.run(rest, io);
  }
  const mod = await commands.launch!();
  return mod.run(argv, io);
}
