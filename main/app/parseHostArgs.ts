export interface HostArgs {
  open: boolean;
  verbose: boolean;
  port?: number;
  dataDir?: string;
  browserMode: boolean;
}

/** Flags shared by `npm start`, the Electron entry and the browser-mode host. */
export function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  const args: HostArgs = {
    open: !(env.ARCHIVE_READER_NO_OPEN === '1' || env.CI === 'true'),
    verbose: env.ARCHIVE_READER_VERBOSE === '1',
    browserMode: env.ARCHIVE_READER_BROWSER === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--no-open') args.open = false;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--browser') args.browserMode = true;
    else if (a.startsWith('--port')) args.port = Number(value());
    else if (a.startsWith('--data-dir')) args.dataDir = value();
  }
  return args;
}
