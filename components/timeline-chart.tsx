"use client";
// Events of an incident over time, stacked by error class. Render-only: the data is prepared by
// timeline-chart-data.ts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { classLabel } from "@/lib/services/incident-title";
import type { TimelineChartData } from "./timeline-chart-data";

export const PALETTE = ["#e11d48", "#0284c7", "#d97706", "#7c3aed", "#059669", "#db2777", "#4f46e5", "#65a30d", "#0d9488", "#ea580c"];

export function TimelineChart({ data }: { data: TimelineChartData }) {
  if (data.classes.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No timed events to chart.</p>;
  }
  return (
    <figure aria-label="Events over time by class" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "currentColor" }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "currentColor" }} />
          <Tooltip
            contentStyle={{ fontSize: 12, color: "#0f172a" }}
            labelFormatter={(label) => `${String(label)} UTC`}
            formatter={(v, name) => [v, classLabel(String(name))]}
          />
          <Legend formatter={(name: string) => classLabel(name)} wrapperStyle={{ fontSize: 12 }} />
          {data.classes.map((c, i) => (
            <Bar key={c} dataKey={c} stackId="events" fill={PALETTE[i % PALETTE.length]} maxBarSize={48} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
