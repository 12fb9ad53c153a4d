"use client";
// Tabs of the settings area; the current one is marked for assistive technology too.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/settings", label: "Account" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/tokens", label: "API tokens" },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={pathname === t.href ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-rose-600 aria-[current=page]:border-rose-700 aria-[current=page]:text-rose-800 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:border-rose-400 dark:aria-[current=page]:text-rose-300"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
