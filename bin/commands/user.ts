// `faultline user create --email E [--password P | --password-stdin] [--name N] [--admin] [--team T]
// [--role R] [--exists-ok]`: creates an account without the web UI, against DATABASE_URL. Without a
// password option a random one is generated and printed once (accounts used only for API tokens).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { db } from "../../lib/db/client";
import { createUser, type TCreateUserRequest } from "../../lib/services/create-user";
import { defaultIO, withDatabase, type CommandIO } from "./database";

const USAGE = `usage: faultline user create --email E [--password P | --password-stdin] [--name N] [--admin] [--team T] [--role owner|member|viewer] [--exists-ok]
  --team T     team slug or name; created when missing (its first member owns it). Default: the oldest team
  --admin      instance admin, owner of the team
  --exists-ok  exit 0 without changes when the email is already registered
  Without --password or --password-stdin, a random password is generated and printed once.
`;

export async function userCommand(args: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") {
    io.stderr(sub ? `faultline user: unknown subcommand "${sub}"\n${USAGE}` : USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        password: { type: "string" },
        "password-stdin": { type: "boolean" },
        name: { type: "string" },
        admin: { type: "boolean" },
        team: { type: "string" },
        role: { type: "string" },
        "exists-ok": { type: "boolean" },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`faultline user create: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.email || (values.password !== undefined && values["password-stdin"])) {
    io.stderr(USAGE);
    return 2;
  }
  const generated = values.password === undefined && !values["password-stdin"] ? randomBytes(18).toString("base64url") : null;
  const password = generated ?? (values["password-stdin"] ? (await io.stdin()).replace(/\r?\n$/, "") : values.password!);
  return withDatabase("user create", io, async () => {
    if (values["exists-ok"] && (await db().user.findUnique({ where: { email: values.email!.trim().toLowerCase() }, select: { id: true } }))) {
      io.stderr(`user ${values.email} already exists; left unchanged\n`);
      return 0;
    }
    const user = await createUser({
      email: values.email!,
      password,
      name: values.name,
      isAdmin: values.admin ?? false,
      team: values.team,
      role: values.role as TCreateUserRequest["role"],
    });
    io.stdout(`created user ${user.email}: ${user.role} of team ${user.teamSlug}${user.createdTeam ? " (new team)" : ""}\n`);
    if (generated) io.stdout(`password (shown only now): ${generated}\n`);
    return 0;
  });
}
