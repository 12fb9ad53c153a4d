import { ansiToSegments } from "./ansi";

// The 16 ANSI colours, readable on both the light and the dark viewer background.
const FG = [
  "text-slate-900 dark:text-slate-300", "text-red-700 dark:text-red-400", "text-green-700 dark:text-green-400", "text-amber-700 dark:text-amber-300",
  "text-blue-700 dark:text-blue-400", "text-fuchsia-700 dark:text-fuchsia-400", "text-cyan-700 dark:text-cyan-400", "text-slate-600 dark:text-slate-200",
  "text-slate-500 dark:text-slate-400", "text-red-600 dark:text-red-300", "text-green-600 dark:text-green-300", "text-amber-600 dark:text-amber-200",
  "text-blue-600 dark:text-blue-300", "text-fuchsia-600 dark:text-fuchsia-300", "text-cyan-600 dark:text-cyan-300", "text-slate-900 dark:text-white",
];
const BG = ["bg-slate-900", "bg-red-200 dark:bg-red-900", "bg-green-200 dark:bg-green-900", "bg-amber-200 dark:bg-amber-900", "bg-blue-200 dark:bg-blue-900", "bg-fuchsia-200 dark:bg-fuchsia-900", "bg-cyan-200 dark:bg-cyan-900", "bg-slate-200 dark:bg-slate-700"];

/** Log text with its ANSI colours; untrusted text is only ever React text. */
export function LogLineText({ text }: { text: string }) {
  return (
    <>
      {ansiToSegments(text).map((s, i) => {
        const cls = [s.fg !== undefined ? FG[s.fg] : "", s.bg !== undefined ? BG[s.bg % 8] : "", s.bold ? "font-bold" : ""].join(" ").trim();
        return cls ? (
          <span key={i} className={cls}>
            {s.text}
          </span>
        ) : (
          <span key={i}>{s.text}</span>
        );
      })}
    </>
  );
}
