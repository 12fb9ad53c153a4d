// Argument grammar: nesting, strings, fd decorations, socket addresses.
import { describe, expect, it } from "vitest";
import { cStringText, decodeCString, parseFdRef, parseSockAddr, quotedStrings, remoteOfSocketTarget, splitArgs } from "../args";

describe("splitArgs", () => {
  it("splits at top-level commas only: structs, arrays, bit-flag sets and strings stay whole", () => {
    expect(
      splitArgs(`4<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 3</srv/go.work>, {events=EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLET, data={u32=1977067928, u64=140099515296152}}`),
    ).toEqual([
      "4<anon_inode:[eventpoll]>",
      "EPOLL_CTL_ADD",
      "3</srv/go.work>",
      "{events=EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLET, data={u32=1977067928, u64=140099515296152}}",
    ]);
    expect(splitArgs(`"/usr/bin/git", ["git", "clone", "a, b"], 0x7ffd /* 11 vars */`)).toEqual([
      `"/usr/bin/git"`,
      `["git", "clone", "a, b"]`,
      "0x7ffd /* 11 vars */",
    ]);
    expect(splitArgs(`-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL`)).toHaveLength(4);
  });

  it("keeps decorations with commas and `->` together, and stops after maxArgs", () => {
    expect(splitArgs(`AT_FDCWD</a, b>, "x", O_RDONLY`)).toEqual(["AT_FDCWD</a, b>", `"x"`, "O_RDONLY"]);
    expect(splitArgs(`3<TCP:[10.0.0.1:5->10.0.0.2:443]>, "GET /", 5`)).toEqual(["3<TCP:[10.0.0.1:5->10.0.0.2:443]>", `"GET /"`, "5"]);
    expect(splitArgs(`a, b, c, d`, 2)).toEqual(["a", "b"]);
  });

  it("handles escaped quotes inside strings", () => {
    expect(splitArgs(`1, "say \\"hi, there\\"", 12`)).toEqual(["1", `"say \\"hi, there\\""`, "12"]);
  });
});

describe("strings", () => {
  it("decodes C escapes: octal (up to 3 digits), hex, named, quotes", () => {
    expect(decodeCString(`"\\264\\36\\201\\203\\0\\1"`)?.bytes).toEqual([0o264, 0o36, 0o201, 0o203, 0, 1]);
    expect(decodeCString(`"\\0\\0203"`)?.bytes).toEqual([0, 0o20, 0x33]);
    expect(decodeCString(`"\\x53\\x5b"`)?.bytes).toEqual([0x53, 0x5b]);
    expect(cStringText(`"a\\nb\\t\\"c\\\\"`)).toBe('a\nb\t"c\\');
  });

  it("notices `-s` truncation", () => {
    expect(decodeCString(`"\\177ELF\\2\\1"...`)).toMatchObject({ truncated: true });
    expect(decodeCString(`"done"`)).toMatchObject({ truncated: false });
  });

  it("collects every string of a writev", () => {
    expect(quotedStrings(`2, [{iov_base="cat: ", iov_len=5}, {iov_base="x: No such file\\n", iov_len=16}], 2`).join("")).toBe("cat: x: No such file\n");
  });
});

describe("fd decorations", () => {
  it("reads -y paths, AT_FDCWD, sockets, pipes and -yy device details", () => {
    expect(parseFdRef("3</etc/x>")).toEqual({ fd: 3, target: "/etc/x" });
    expect(parseFdRef("AT_FDCWD</srv/ci/dev/report-svc>")).toEqual({ fd: -100, target: "/srv/ci/dev/report-svc" });
    expect(parseFdRef("AT_FDCWD")).toEqual({ fd: -100 });
    expect(parseFdRef("19<socket:[75980]>")).toEqual({ fd: 19, target: "socket:[75980]" });
    expect(parseFdRef("1</dev/null<char 1:3>>")).toEqual({ fd: 1, target: "/dev/null" });
    expect(parseFdRef("3")).toEqual({ fd: 3 });
    expect(parseFdRef("NULL")).toBeNull();
  });

  it("names the remote end of a -yy TCP/UDP decoration", () => {
    expect(remoteOfSocketTarget("TCP:[10.0.0.1:5->10.0.0.2:443]")).toEqual({ proto: "TCP", addr: "10.0.0.2", port: 443 });
    expect(remoteOfSocketTarget("UDP:[10.0.0.9:41234->10.255.255.53:53]")).toMatchObject({ port: 53 });
    expect(remoteOfSocketTarget("TCPv6:[[::1]:5->[::1]:5432]")).toEqual({ proto: "TCPv6", addr: "::1", port: 5432 });
    expect(remoteOfSocketTarget("socket:[123]")).toBeNull();
  });
});

describe("socket addresses", () => {
  it("reads AF_INET, AF_INET6 and AF_UNIX", () => {
    expect(parseSockAddr(`{sa_family=AF_INET, sin_port=htons(18199), sin_addr=inet_addr("127.0.0.1")}`)).toEqual({ family: "AF_INET", addr: "127.0.0.1", port: 18199, path: undefined });
    expect(parseSockAddr(`{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}`)).toMatchObject({ family: "AF_INET6", addr: "::1", port: 443 });
    expect(parseSockAddr(`{sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}`)).toMatchObject({ family: "AF_UNIX", path: "/var/run/nscd/socket" });
    expect(parseSockAddr("NULL")).toBeNull();
  });
});
