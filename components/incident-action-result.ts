// What the incident page's server actions answer, for forms to show (useActionState).
export type ActionResult = { status: "idle" } | { status: "ok"; message: string; href?: string } | { status: "error"; message: string };

export const IDLE: ActionResult = { status: "idle" };

/** A server action bound to its incident, as forms call it. */
export type FormAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;
