// Uploads one file through the API and waits for its analysis: what most specs need before they open
// an incident or a log.
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";

export async function uploadAndWait(request: APIRequestContext, name: string, buffer: Buffer): Promise<{ uploadId: string; incidentId: string }> {
  const res = await request.post("/api/v1/uploads", { multipart: { file: { name, mimeType: "text/plain", buffer } } });
  expect(res.status(), await res.text()).toBe(202);
  const { uploadId } = (await res.json()) as { uploadId: string };
  let incidentId = "";
  await expect
    .poll(
      async () => {
        const s = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
        incidentId = s.incidentId ?? "";
        return s.status;
      },
      { timeout: 60_000 },
    )
    .toBe("done");
  return { uploadId, incidentId };
}
