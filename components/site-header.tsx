import Link from "next/link";
import { optionalCaller } from "@/lib/http/authenticate";

const NAV = "text-sm text-slate-700 hover:underline dark:text-slate-300";

export async function SiteHeader() {
  const caller = await optionalCaller();
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-rose-700 dark:text-rose-400">
          Faultline
        </Link>
        {caller ? (
          <>
            <Link href="/" className={NAV}>Overview</Link>
            <Link href="/incidents" className={NAV}>Incidents</Link>
            <Link href="/runbooks" className={NAV}>Runbooks</Link>
            <Link href="/upload" className={NAV}>Upload logs</Link>
            <span className="ml-auto flex items-center gap-4">
              <Link href="/settings" className={NAV}>Settings</Link>
              <Link href="/logout" className={NAV} prefetch={false}>Sign out</Link>
            </span>
          </>
        ) : null}
      </nav>
    </header>
  );
}
