"use client";
// Polls an upload's status until its analysis has finished.
import { useQuery } from "@tanstack/react-query";
import type { UploadStatusView } from "@/lib/services/get-upload";

const FINISHED = new Set(["done", "failed"]);

export function useUploadStatus(uploadId: string | null) {
  return useQuery({
    queryKey: ["upload", uploadId],
    enabled: uploadId !== null,
    queryFn: async (): Promise<UploadStatusView> => {
      const res = await fetch(`/api/v1/uploads/${uploadId}`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`status check failed (${res.status})`);
      return res.json();
    },
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : 500),
    staleTime: 0,
  });
}
