// Who a timeline entry says did something: the signed-in user's name or email, or "an API token".
import { db } from "../db/client";

export interface Actor {
  userId?: string;
  via?: "session" | "token";
}

export async function actorLabel(actor: Actor | undefined): Promise<string | null> {
  if (!actor) return null;
  if (actor.userId) {
    const user = await db().user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
    if (user) return user.name || user.email;
  }
  return actor.via === "token" ? "an API token" : null;
}

export function byActor(label: string | null): string | null {
  return label ? `by ${label}` : null;
}
