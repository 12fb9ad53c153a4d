// `faultline <command> [args]`: a dispatcher; each command lives in its own module and returns an exit
// code. Other commands (upload, user, token) register here the same way.
type Command = { summary: string; run: (args: string[]) => Promise<number> };

const commands: Record<string, Command> = {
  analyze: {
    summary: "analyze <file|-> [--json]   find the failures in a CI log, archive or strace dump",
    run: async (args) => (await import("../lib/analysis/cli/analyze-command")).analyzeCommand(args),
  },
  upload: {
    summary: "upload <files…> --url URL --token TOKEN [--repo --branch --commit --run-url …] [--wait]   send logs to a Faultline server",
    run: async (args) => (await import("./commands/upload")).uploadCommand(args),
  },
  user: {
    summary: "user create --email E --password P [--admin] [--team T]   create an account (DATABASE_URL)",
    run: async (args) => (await import("./commands/user")).userCommand(args),
  },
  token: {
    summary: "token create --email E [--name N] [--scopes upload,read,write]   print a new API token once",
    run: async (args) => (await import("./commands/token")).tokenCommand(args),
  },
};

function usage(): string {
  const lines = Object.values(commands).map((c) => `  faultline ${c.summary}`);
  return `usage:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`faultline: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}
