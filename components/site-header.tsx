import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-rose-700 dark:text-rose-400">
          Faultline
        </Link>
        <Link href="/" className="text-sm text-slate-700 hover:underline dark:text-slate-300">
          Incidents
        </Link>
        <Link href="/runbooks" className="text-sm text-slate-700 hover:underline dark:text-slate-300">
          Runbooks
        </Link>
        <Link href="/upload" className="text-sm text-slate-700 hover:underline dark:text-slate-300">
          Upload logs
        </Link>
      </nav>
    </header>
  );
}
