// Hostile log text is shown, never run: logs full of <script>, <img onerror>, javascript: links and
// ANSI/OSC 8 hyperlink escapes go through upload, analysis, the incident page and the log viewer
// without a dialog opening, a payload setting its window flag, or a javascript: link in the DOM.
// Hostile archives and huge or broken lines are refused or shown safely.
import { deflateRawSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Every payload sets window.__pwned (and opens a dialog) if it ever runs. */
function hostileLog(tag: string): string {
  const lines = [
    `2026-11-20T22:06:30.0000000Z ##[group]Run <script>window.__pwned=1;alert(1)</script>`,
    `2026-11-20T22:06:30.0000001Z ##[endgroup]`,
    `verifying github.com/acme/x${tag}<svg/onload=window.__pwned=2>@v1.0.0: checksum mismatch`,
    `\tdownloaded: h1:2Hk0jEqZr6dKbTN9xwqYFjsM6lXDzFIi8rX/9mL+0A4=`,
    `\tgo.sum:     h1:3Hk0jEqZr6dKbTN9xwqYFjsM6lXDzFIi8rX/9mL+0A4=`,
    `fatal: unable to access 'https://example.com/<img src=x onerror="window.__pwned=3;alert(3)">.git/': The requested URL returned error: 403`,
    `npm error 404 Not Found - GET https://registry.npmjs.org/"><script>window.__pwned=4</script> - Not found`,
    `See javascript:window.__pwned=5;alert(5) and [docs](javascript:alert(6)) for details`,
    `\x1b]8;;javascript:window.__pwned=7;alert(7)\x1b\\click this OSC 8 link\x1b]8;;\x1b\\ and \x1b]8;;https://example.com/\x07a safe one\x1b]8;;\x07`,
    `\x1b]0;<script>window.__pwned=8</script>\x07\x1b[31m<iframe src="javascript:window.__pwned=9;alert(9)"></iframe>\x1b[0m`,
    `<a href="javascript:window.__pwned=10;alert(10)">link</a> <body onload="alert(11)"> {{constructor.constructor('window.__pwned=12')()}}`,
    `Error: ENOENT: no such file or directory, open '/tmp/<img src=x onerror=window.__pwned=13>.json'`,
    `##[error]Process completed with exit code 1.`,
  ];
  return lines.join("\n") + "\n";
}

async function upload(request: APIRequestContext, name: string, body: Buffer | string) {
  const res = await request.post(`/api/v1/uploads?name=${encodeURIComponent(name)}`, { data: body, headers: { "content-type": "application/octet-stream" } });
  return res;
}

async function settled(request: APIRequestContext, uploadId: string): Promise<{ status: string; error: string | null; incidentId: string | null }> {
  let last = { status: "", error: null as string | null, incidentId: null as string | null };
  await expect
    .poll(
      async () => {
        last = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
        return last.status;
      },
      { timeout: 60_000 },
    )
    .toMatch(/^(done|failed)$/);
  return last;
}

/** Fails the test on any dialog; returns a check that nothing ran and no javascript: link exists. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:" i], [href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    expect(await page.locator("[onerror], [onload], [onclick], iframe, object, embed").count()).toBe(0);
  };
}

function zip(files: Record<string, string | Buffer>, { deflate = true } = {}): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflate ? deflateRawSync(data) : data;
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centrals.reduce((n, b) => n + b.length, 0), 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

test("a log full of HTML, javascript: links and OSC 8 escapes is shown as text and runs nothing", async ({ page, request }) => {
  const tag = randomBytes(6).toString("hex").replace(/\d/g, "q");
  const res = await upload(request, "hostile.log", hostileLog(tag));
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  const up = await settled(request, uploadId);
  expect(up.status).toBe("done");
  expect(up.incidentId).toBeTruthy();

  const check = guard(page);
  await page.goto(`/incidents/${up.incidentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<svg/onload=window.__pwned=2>");
  await expect(page.getByTestId("runbook").first()).toContainText("<svg/onload=window.__pwned=2>");
  await expect(page.locator("main")).toContainText("<img src=x onerror=");
  await page.waitForLoadState("networkidle");
  await check();

  await page.goto(`/uploads/${uploadId}/log`);
  const viewer = page.getByRole("region", { name: /^Log/ });
  await expect(viewer.locator("#L1")).toContainText("<script>window.__pwned=1;alert(1)</script>");
  await expect(viewer.locator("#L9")).toContainText("click this OSC 8 link and a safe one");
  await expect(viewer.locator("#L10")).toContainText('<iframe src="javascript:window.__pwned=9;alert(9)"></iframe>');
  await expect(viewer.locator("#L11")).toContainText('<a href="javascript:window.__pwned=10;alert(10)">link</a>');
  // Escape sequences are dropped, never interpreted: no title change, no hyperlink.
  expect(await page.title()).not.toContain("<script>");
  await viewer.locator("#L9").getByText("click this OSC 8 link").click();
  await page.waitForLoadState("networkidle");
  await check();
});

test("an archive whose member names carry HTML is listed as text", async ({ page, request }) => {
  const name = `job/1_<img src=x onerror="window.__pwned=20;alert(20)">.txt`;
  const res = await upload(request, "run.zip", zip({ [name]: "fatal: repository 'https://git.example.com/<b>x</b>.git/' not found\n" }));
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  expect((await settled(request, uploadId)).status).toBe("done");
  const check = guard(page);
  await page.goto(`/uploads/${uploadId}/log`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("#L1")).toContainText("<b>x</b>");
  await check();
});

test("hostile archives are refused with the reason, and nothing is analysed", async ({ request }) => {
  const cases: [string, Buffer, RegExp][] = [
    ["bomb.zip", zip({ "build.log": Buffer.alloc(24 << 20, 0x41) }), /expands \d+x to 24\.0 MiB .*zip bomb/],
    ["traversal.zip", zip({ "../../etc/cron.d/x": "npm error code E404\n" }), /has a `\.\.` component/],
    ["absolute.zip", zip({ "/etc/passwd": "root:x:0:0\n" }), /has an absolute path/],
    ["drive.zip", zip({ "C:\\Windows\\x.txt": "x\n" }), /has a drive letter/],
  ];
  for (const [name, body, reason] of cases) {
    const res = await upload(request, name, body);
    if (res.status() >= 400) {
      // Refused at upload time: problem+json naming the reason.
      expect(res.status()).toBeLessThan(500);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect((await res.json()).detail).toMatch(reason);
      continue;
    }
    expect(res.status()).toBe(202);
    const up = await settled(request, (await res.json()).uploadId);
    expect(up.status, name).toBe("failed");
    expect(up.error).toMatch(reason);
    expect(up.incidentId).toBeNull();
  }
});

test("a 10 MB line and invalid UTF-8 are analysed and shown within bounds", async ({ page, request }) => {
  const body = Buffer.concat([
    Buffer.from("first line\n"),
    Buffer.from("x".repeat(10 * 1024 * 1024) + "\n"),
    Buffer.from([0x62, 0x61, 0x64, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x20, 0x75, 0x74, 0x66, 0x2d, 0x38, 0x0a]),
    Buffer.from("npm error code E404\n"),
  ]);
  const res = await upload(request, "long.log", body);
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  expect((await settled(request, uploadId)).status).toBe("done");
  const lines = await (await request.get(`/api/v1/uploads/${uploadId}/lines?from=2&count=2`)).json();
  expect(lines.lines[0]).toMatchObject({ no: 2, truncated: true });
  expect(lines.lines[0].text.length).toBeLessThanOrEqual(8000);
  expect(lines.lines[1].text).toBe("bad \ufffd\ufffd\ufffd( utf-8");
  const check = guard(page);
  await page.goto(`/uploads/${uploadId}/log`);
  await expect(page.locator("#L2")).toContainText("[line truncated]");
  await expect(page.locator("#L3")).toContainText("bad \ufffd\ufffd\ufffd( utf-8");
  await check();
});
