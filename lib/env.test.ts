// The S3 store's settings: refused with a message naming the variable, defaults filled in.
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

const s3 = { FAULTLINE_UPLOAD_STORE: "s3", FAULTLINE_S3_BUCKET: "faultline-uploads" };
const load = (source: Record<string, string>) => loadEnv({ NODE_ENV: "test", ...source });
const failure = (source: Record<string, string>) => {
  try {
    load(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as Error).message;
  }
  throw new Error("the settings were accepted");
};

describe("S3 store settings", () => {
  it("needs a bucket with FAULTLINE_UPLOAD_STORE=s3", () => {
    expect(failure({ FAULTLINE_UPLOAD_STORE: "s3" })).toMatch(/FAULTLINE_S3_BUCKET: is required with FAULTLINE_UPLOAD_STORE=s3/);
    expect(failure({ FAULTLINE_UPLOAD_STORE: "s3", FAULTLINE_S3_BUCKET: "" })).toMatch(/FAULTLINE_S3_BUCKET: is required/);
    expect(failure({ FAULTLINE_UPLOAD_STORE: "minio" })).toMatch(/FAULTLINE_UPLOAD_STORE: must be postgres, directory or s3/);
  });

  it("needs both keys or neither", () => {
    expect(failure({ ...s3, FAULTLINE_S3_ACCESS_KEY_ID: "AKIA0" })).toMatch(/FAULTLINE_S3_SECRET_ACCESS_KEY: is required too/);
    expect(failure({ ...s3, FAULTLINE_S3_SECRET_ACCESS_KEY: "secret" })).toMatch(/FAULTLINE_S3_ACCESS_KEY_ID: is required too/);
    expect(load(s3).FAULTLINE_S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it("refuses an endpoint that is not an http(s) URL and a path style that is not a boolean", () => {
    expect(failure({ ...s3, FAULTLINE_S3_ENDPOINT: "minio:9000" })).toMatch(/FAULTLINE_S3_ENDPOINT: must be an http\(s\):\/\/ URL/);
    expect(failure({ ...s3, FAULTLINE_S3_FORCE_PATH_STYLE: "yes" })).toMatch(/FAULTLINE_S3_FORCE_PATH_STYLE: must be true or false/);
  });

  it("uses path-style URLs for a custom endpoint unless told otherwise, and keeps the prefix a folder", () => {
    expect(load(s3)).toMatchObject({ FAULTLINE_S3_REGION: "us-east-1", FAULTLINE_S3_PREFIX: "", FAULTLINE_S3_FORCE_PATH_STYLE: false });
    const minio = load({ ...s3, FAULTLINE_S3_ENDPOINT: "http://127.0.0.1:9000", FAULTLINE_S3_PREFIX: "/faultline/raw", FAULTLINE_S3_REGION: "" });
    expect(minio).toMatchObject({ FAULTLINE_S3_FORCE_PATH_STYLE: true, FAULTLINE_S3_PREFIX: "faultline/raw/", FAULTLINE_S3_REGION: "us-east-1" });
    expect(load({ ...s3, FAULTLINE_S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com", FAULTLINE_S3_FORCE_PATH_STYLE: "false" }).FAULTLINE_S3_FORCE_PATH_STYLE).toBe(false);
  });
});
