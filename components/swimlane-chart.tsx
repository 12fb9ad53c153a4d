"use client";
// Per-process swimlanes of a trace incident: one lane per pid, each event a point at its time (or
// trace line), each process's lifetime a bar, the root cause ringed. Render-only: the data is prepared
// by swimlane-chart-data.ts. A point opens its evidence line.
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { classLabel } from "@/lib/services/incident-title";
import { formatOffset, type SwimlaneData, type SwimlanePoint } from "./swimlane-chart-data";
import { PALETTE } from "./timeline-chart";

const LANE_PX = 32;
const EXIT_COLOR = "#64748b";

/** A ring around the root cause's point, wide enough to see over the event dot beneath it. */
function RootRing(props: { cx?: number; cy?: number }) {
  return <circle cx={props.cx} cy={props.cy} r={9} fill="none" stroke="#e11d48" strokeWidth={2.5} />;
}

function PointTooltip({ active, payload, mode }: { active?: boolean; payload?: readonly { payload?: SwimlanePoint }[]; mode: SwimlaneData["mode"] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="max-w-md rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow">
      <p className="font-medium">{formatOffset(p.x, mode)} · line {p.line}</p>
      <p className="font-mono break-all">{p.message}</p>
    </div>
  );
}

export function SwimlaneChart({ data }: { data: SwimlaneData }) {
  const router = useRouter();
  if (data.lanes.length === 0) return null;
  const open = (p: unknown) => {
    const href = (p as { payload?: SwimlanePoint } | undefined)?.payload?.href;
    if (href) router.push(href);
  };
  const labelOf = new Map(data.lanes.map((l) => [l.y, l.label]));
  // Failures take the timeline's palette in order; exits are the neutral consequence, always grey.
  const failures = data.series.map((s) => s.cls).filter((c) => c !== "process_exit");
  const colorOf = (cls: string) => (cls === "process_exit" ? EXIT_COLOR : PALETTE[failures.indexOf(cls) % PALETTE.length]);
  return (
    <figure aria-label="Events per process over time" className="w-full">
      <div style={{ height: data.lanes.length * LANE_PX + 90 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis type="number" dataKey="x" domain={data.domain} ticks={data.ticks} tickFormatter={(v: number) => formatOffset(v, data.mode)} tick={{ fontSize: 11, fill: "currentColor" }} name={data.mode === "time" ? "time" : "trace line"} />
          <YAxis
            type="number"
            dataKey="y"
            domain={[-0.5, data.lanes.length - 0.5]}
            ticks={data.lanes.map((l) => l.y)}
            reversed
            interval={0}
            width={150}
            tickFormatter={(v: number) => labelOf.get(v) ?? ""}
            tick={{ fontSize: 11, fill: "currentColor", fontFamily: "ui-monospace, monospace" }}
          />
          {data.lanes.map((l) =>
            l.from !== undefined ? (
              <ReferenceLine
                key={l.key}
                segment={[{ x: l.from, y: l.y }, { x: l.to ?? data.domain[1], y: l.y }]}
                stroke={l.failing ? "#e11d48" : "currentColor"}
                strokeOpacity={l.failing ? 0.5 : 0.25}
                strokeWidth={8}
                strokeLinecap="round"
                ifOverflow="extendDomain"
              />
            ) : null,
          )}
          <Tooltip cursor={false} content={(props) => <PointTooltip active={props.active} payload={props.payload as never} mode={data.mode} />} />
          <Legend formatter={(name: string) => classLabel(name)} wrapperStyle={{ fontSize: 12 }} />
          {data.series.map((s) => (
            <Scatter key={s.cls} name={s.cls} data={s.points} fill={colorOf(s.cls)} isAnimationActive={false} onClick={open} className="cursor-pointer" />
          ))}
          {data.rootCause ? <Scatter name="root cause" data={[data.rootCause]} fill="#e11d48" legendType="none" shape={RootRing} isAnimationActive={false} onClick={open} /> : null}
        </ScatterChart>
      </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        One lane per process{data.mode === "time" ? ", time from the first traced moment" : ", by trace line (the trace has no timestamps)"}; bars are lifetimes, the ringed point is the root cause. Click a point for its log line.
        {data.hiddenLanes > 0 ? ` ${data.hiddenLanes} processes without events are not drawn.` : ""}
      </figcaption>
    </figure>
  );
}
