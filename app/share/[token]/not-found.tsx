// What an unknown, revoked or expired share link shows (HTTP 404).
export default function ShareNotFound() {
  return (
    <section className="mx-auto max-w-3xl space-y-2">
      <h1 className="text-2xl font-semibold">This link does not work</h1>
      <p className="text-slate-700 dark:text-slate-300">The postmortem link is wrong, was revoked, or has expired. Ask whoever sent it for a new one.</p>
    </section>
  );
}
