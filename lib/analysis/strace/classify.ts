// Which failed syscalls can matter, and which are the well-known harmless probes.
import type { EventClass } from "../types";

/** Syscalls whose first argument is a path. */
const PATH_ARG0 = new Set([
  "open", "creat", "stat", "lstat", "stat64", "lstat64", "access", "readlink", "execve", "chdir", "mkdir", "rmdir",
  "unlink", "rename", "link", "symlink", "chmod", "chown", "lchown", "truncate", "truncate64", "utime", "utimes",
  "getxattr", "lgetxattr", "listxattr", "llistxattr", "setxattr", "lsetxattr", "statfs", "statfs64", "mknod",
  "chroot", "uselib", "swapon", "umount2", "oldstat", "oldlstat",
]);
/** `*at` syscalls: dirfd first, path second. */
const PATH_ARG1 = new Set([
  "openat", "openat2", "newfstatat", "fstatat64", "statx", "faccessat", "faccessat2", "readlinkat", "mkdirat",
  "unlinkat", "renameat", "renameat2", "linkat", "fchmodat", "fchmodat2", "fchownat", "futimesat", "utimensat",
  "mknodat", "execveat", "name_to_handle_at", "inotify_add_watch",
]);


/** Index of the path argument, or -1 when the syscall takes none. */
export function pathArgIndex(syscall: string): number {
  if (PATH_ARG1.has(syscall)) return 1;
  if (PATH_ARG0.has(syscall)) return 0;
  return -1;
}

/** Calls that look a path up without using it: a miss here is a probe unless something says otherwise. */
const PROBES = new Set([
  "stat", "lstat", "stat64", "lstat64", "newfstatat", "fstatat64", "statx", "access", "faccessat", "faccessat2",
  "readlink", "readlinkat", "execve", "execveat", "oldstat", "oldlstat", "getxattr", "lgetxattr",
]);
export const isProbeSyscall = (syscall: string) => PROBES.has(syscall);

export const OPENS = new Set(["open", "openat", "openat2", "creat"]);

/** What the line scanner needs to know of syscall names: where their path argument is, which are opens. */
export const SCANNER_CONFIG = { pathArg0: [...PATH_ARG0], pathArg1: [...PATH_ARG1], opens: [...OPENS] };
export const EXECS = new Set(["execve", "execveat"]);
export const FORKS = new Set(["clone", "clone3", "fork", "vfork"]);

const NET_IO = new Set([
  "connect", "sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg", "read", "write", "readv", "writev",
  "getsockopt", "recv", "send",
]);
/** Syscalls where EPERM/EACCES means "not allowed to touch this path / endpoint". */
const PERMISSION_CHECKED = new Set(["bind", "connect", "socket", "kill"]);
const DISK_WRITES = new Set([
  "write", "pwrite64", "writev", "pwritev", "pwritev2", "fallocate", "ftruncate", "copy_file_range", "sendfile",
  "splice", "fsync", "fdatasync", "close",
]);

export interface FailureKind {
  cls: EventClass;
  ruleId: string;
}

/** The event class a failed syscall would have if it turns out to matter; null for errors that never do. */
export function classifyFailure(syscall: string, errno: string): FailureKind | null {
  const pathCall = pathArgIndex(syscall) >= 0;
  switch (errno) {
    case "ENOENT":
    case "ENOTDIR":
      // readlink of a name that is not there: realpath() canonicalising it (ld, cp, python); the use
      // that follows, if any, is the failure.
      if (syscall === "readlink" || syscall === "readlinkat") return null;
      return pathCall || syscall === "connect" || syscall === "bind" ? { cls: "enoent", ruleId: "strace.enoent" } : null;
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "ETXTBSY": // writing a program that is running: the file may not be changed now
      return pathCall || PERMISSION_CHECKED.has(syscall)
        ? { cls: "permission_denied", ruleId: "strace.permission-denied" }
        : null;
    case "ECONNREFUSED":
    case "ECONNRESET": // the peer dropped the connection: refused mid-way (the taxonomy has no closer class)
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return NET_IO.has(syscall) ? { cls: "connection_refused", ruleId: "strace.connection-refused" } : null;
    case "ETIMEDOUT":
      return NET_IO.has(syscall) ? { cls: "timeout", ruleId: "strace.timeout" } : null;
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG": // past the file-size limit (ulimit -f) or the file system's largest file
      return DISK_WRITES.has(syscall) || pathCall ? { cls: "disk_full", ruleId: "strace.disk-full" } : null;
    case "ENOMEM":
      return syscall === "mmap" || syscall === "brk" || FORKS.has(syscall)
        ? { cls: "out_of_memory", ruleId: "strace.out-of-memory" }
        : null;
    case "EMFILE":
    case "ENFILE":
      // Out of descriptors: a resource limit ran out (the taxonomy's resource-exhaustion class), not a path problem.
      return { cls: "out_of_memory", ruleId: "strace.fd-exhausted" };
    default:
      // EAGAIN, EINPROGRESS, ENOTTY, EISDIR, EEXIST, EINVAL, ESPIPE, ECHILD, EBADF, ENXIO, EINTR, ERESTART*…
      return null;
  }
}

/** How clients say a connection attempt failed without naming the errno (curl, wget, libpq…). */
const CONNECT_FAILED = [
  "failed to connect", "couldn't connect", "could not connect", "unable to connect", "connection failed",
  "failed to establish a new connection", "newconnectionerror", "connection broken", "max retries exceeded",
];

/** Text programs print for an errno (strerror and the Node/Go spellings), lower-cased. */
export const ERRNO_TEXT: Record<string, string[]> = {
  ENOENT: ["no such file or directory", "enoent", "not found", "does not exist", "doesn't exist", "missing"],
  ENOTDIR: ["not a directory", "enotdir"],
  EACCES: ["permission denied", "eacces"],
  EPERM: ["operation not permitted", "eperm"],
  EROFS: ["read-only file system", "erofs"],
  ETXTBSY: ["text file busy", "etxtbsy"],
  EFBIG: ["file too large", "efbig"],
  ECONNREFUSED: ["connection refused", "econnrefused", ...CONNECT_FAILED],
  ECONNRESET: ["connection reset", "econnreset", "reset by peer", "recv failure", "connection aborted"],
  EHOSTUNREACH: ["no route to host", "ehostunreach", ...CONNECT_FAILED],
  ENETUNREACH: ["network is unreachable", "enetunreach", ...CONNECT_FAILED],
  ETIMEDOUT: ["timed out", "etimedout", "timeout", ...CONNECT_FAILED],
  ENOSPC: ["no space left on device", "enospc"],
  EDQUOT: ["disk quota exceeded", "edquot"],
  ENOMEM: ["cannot allocate memory", "out of memory", "enomem"],
  EMFILE: ["too many open files", "emfile"],
  ENFILE: ["too many open files", "enfile"],
};

/**
 * Files every program misses on every run: the loader's preload list and hardware-capability
 * subdirectories, locale data and message catalogs, gconv modules, the nscd socket. A miss on them
 * never explains a failure, so they are not even tracked.
 */
export function isRoutineMiss(path: string): boolean {
  // Asked for every path a call fails or opens, mostly the same few thousand paths: remembered.
  let yes = routineMisses.get(path);
  if (yes === undefined) {
    yes = routineMiss(path);
    if (routineMisses.size >= 16_384) routineMisses.clear();
    routineMisses.set(path, yes);
  }
  return yes;
}

const routineMisses = new Map<string, boolean>();

/**
 * Device and kernel files (/dev/null, /dev/urandom, /proc/self/…, /sys/…): opening one is how a process
 * sets up its stdio or reads its limits, often on its way out (node opens /dev/null before printing a
 * fatal error), never a sign that it got past a failure.
 */
export function isPseudoFile(path: string): boolean {
  return path.startsWith("/dev/") || path.startsWith("/proc/") || path.startsWith("/sys/");
}

function routineMiss(path: string): boolean {
  return (
    path === "/etc/ld.so.preload" ||
    path.startsWith("/usr/lib/locale/") ||
    path.startsWith("/usr/share/locale/") ||
    path.startsWith("/usr/share/locale-langpack/") ||
    path.endsWith(".mo") ||
    path.includes("/gconv/") ||
    path.endsWith("/nscd/socket") ||
    // syslog(3) and journald clients carry on without their socket (containers and CI have none).
    path === "/dev/log" ||
    path.startsWith("/run/systemd/journal/") ||
    isHwcapProbe(path)
  );
}

// Directories the dynamic loader walks for hardware-specific builds (`…/glibc-hwcaps/x86-64-v3`, `…/tls/haswell`).
const HWCAP_DIRS = new Set(["glibc-hwcaps", "tls", "haswell", "avx512_1", "x86_64", "x86-64-v2", "x86-64-v3", "x86-64-v4", "i686", "sse2", "xeon_phi"]);

/** The path ends in hwcap subdirectories, optionally followed by a shared object: `…/tls/haswell/libz.so.1`. */
function isHwcapProbe(path: string): boolean {
  let end = path.length;
  let slash = path.lastIndexOf("/", end - 1);
  if (slash >= 0 && isSharedObject(path.slice(slash + 1))) {
    end = slash;
    slash = path.lastIndexOf("/", end - 1);
  }
  let dirs = 0;
  for (; slash >= 0 && HWCAP_DIRS.has(path.slice(slash + 1, end)); dirs++) {
    end = slash;
    slash = path.lastIndexOf("/", end - 1);
  }
  return dirs > 0;
}

/** Shared objects are looked up along a search path; a miss in one directory is the loader walking it. */
export const isSharedObject = (path: string) => /\.so(?:\.\d+)*$/.test(path);
