// The optional build details typed on the upload page, checked before sending so a typo is caught
// beside its field rather than refused by the server for the whole upload. Names are the upload API's
// metadata fields (lib/http/read-upload-request.ts); limits mirror ZUploadMetadata.

export const DETAIL_FIELDS = ["repo", "branch", "commitSha", "runUrl"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type UploadDetails = Record<DetailField, string>;
export type DetailErrors = Partial<Record<DetailField, string>>;

export const NO_DETAILS: UploadDetails = { repo: "", branch: "", commitSha: "", runUrl: "" };

export const DETAIL_MAX_LENGTH: Record<DetailField, number> = { repo: 300, branch: 300, commitSha: 64, runUrl: 2000 };

/** The filled-in details, trimmed; empty ones left out (the server would treat "" as unset anyway). */
export function filledDetails(details: UploadDetails): Partial<UploadDetails> {
  const out: Partial<UploadDetails> = {};
  for (const k of DETAIL_FIELDS) {
    const v = details[k].trim();
    if (v) out[k] = v;
  }
  return out;
}

export function checkDetails(details: UploadDetails): DetailErrors {
  const d = filledDetails(details);
  const errors: DetailErrors = {};
  for (const k of DETAIL_FIELDS) {
    if ((d[k]?.length ?? 0) > DETAIL_MAX_LENGTH[k]) errors[k] = `at most ${DETAIL_MAX_LENGTH[k]} characters`;
  }
  if (d.commitSha && !errors.commitSha && !/^[0-9a-f]{7,64}$/i.test(d.commitSha)) errors.commitSha = "a commit SHA is 7 to 40 hexadecimal digits (64 for SHA-256 repositories)";
  if (d.runUrl && !errors.runUrl && !isWebUrl(d.runUrl)) errors.runUrl = "enter the run's full address, starting with https:// (or http://)";
  return errors;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** One line for an upload's card: "acme/api · main · 3f2c1a9". */
export function summarizeDetails(details: Partial<UploadDetails>): string {
  return [details.repo, details.branch, details.commitSha?.slice(0, 7)].filter(Boolean).join(" · ");
}
