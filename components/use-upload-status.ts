"use client";
// Follows an upload's analysis until it has finished: live over server-sent events
// (GET /api/v1/uploads/:id/events), which write into the query cache; if the event stream cannot be
// opened or breaks (an old proxy, a dropped connection), the query polls GET /api/v1/uploads/:id instead.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { UploadStatusView } from "@/lib/services/get-upload";

const FINISHED = new Set(["done", "failed"]);
const POLL_MS = 500;

export const uploadStatusKey = (uploadId: string | null) => ["upload", uploadId] as const;

async function fetchUploadStatus(uploadId: string): Promise<UploadStatusView> {
  const res = await fetch(`/api/v1/uploads/${uploadId}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`status check failed (HTTP ${res.status})`);
  return res.json();
}

export function useUploadStatus(uploadId: string | null) {
  const queryClient = useQueryClient();
  // The upload whose event stream failed; polling takes over for it.
  const [streamFailedFor, setStreamFailedFor] = useState<string | null>(null);
  const polling = uploadId !== null && (streamFailedFor === uploadId || typeof EventSource === "undefined");

  useEffect(() => {
    if (uploadId === null || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/uploads/${uploadId}/events`);
    const put = (e: MessageEvent<string>) => queryClient.setQueryData(uploadStatusKey(uploadId), JSON.parse(e.data) as UploadStatusView);
    source.addEventListener("progress", put);
    source.addEventListener("done", (e) => {
      // Closed here: left open, EventSource would reconnect when the server ends the stream.
      source.close();
      put(e);
    });
    source.onerror = () => {
      source.close();
      setStreamFailedFor(uploadId);
    };
    return () => source.close();
  }, [uploadId, queryClient]);

  const query = useQuery({
    queryKey: uploadStatusKey(uploadId),
    queryFn: () => fetchUploadStatus(uploadId!),
    // While the stream is live it is the only source: a poll answered late could show older progress.
    enabled: polling,
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : POLL_MS),
    staleTime: 0,
  });
  return { data: query.data, error: query.error, transport: polling ? ("polling" as const) : ("events" as const) };
}

/** One look at an earlier upload (the original of a duplicate), for a link to its incident. */
export function useEarlierUpload(uploadId: string | null) {
  return useQuery({
    queryKey: uploadStatusKey(uploadId),
    queryFn: () => fetchUploadStatus(uploadId!),
    enabled: uploadId !== null,
    staleTime: 60_000,
  });
}
