"use client";
// Failures per day, stacked by error class. Render-only: the data is prepared by failures-chart-data.ts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { classLabel } from "@/lib/services/incident-title";
import type { ChartData } from "./failures-chart-data";

const PALETTE = ["#e11d48", "#0284c7", "#d97706", "#7c3aed", "#059669", "#db2777", "#4f46e5", "#65a30d", "#0d9488", "#ea580c"];

export function FailuresChart({ data }: { data: ChartData }) {
  if (data.classes.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No failures in this period.</p>;
  }
  return (
    <figure aria-label="Failures per day by class" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11, fill: "currentColor" }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "currentColor" }} />
          <Tooltip contentStyle={{ fontSize: 12 }} formatter={(v, name) => [v, classLabel(String(name))]} />
          <Legend formatter={(name: string) => classLabel(name)} wrapperStyle={{ fontSize: 12 }} />
          {data.classes.map((c, i) => (
            <Bar key={c} dataKey={c} stackId="failures" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
