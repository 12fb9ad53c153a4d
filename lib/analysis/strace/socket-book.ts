// Where each socket descriptor was connected to, so later calls on the fd (getsockopt SO_ERROR after a
// non-blocking connect, poll timeouts, recvfrom of a DNS answer) can name the endpoint.
import { detach } from "./line-grammar";

export interface SocketDest {
  family: string;
  addr?: string;
  port?: number;
  path?: string;
  /** connect() returned EINPROGRESS and no outcome has been seen yet. */
  connecting: boolean;
  /** Path of the last HTTP request sent on the socket. */
  request?: string;
}

const MAX_SOCKETS = 4_096;

export class SocketBook {
  private readonly socks = new Map<string, SocketDest>();

  set(tgid: number, fd: number, dest: SocketDest): void {
    const key = `${tgid}:${fd}`;
    if (dest.path) dest.path = detach(dest.path);
    this.socks.delete(key);
    if (this.socks.size >= MAX_SOCKETS) this.socks.delete(this.socks.keys().next().value as string);
    this.socks.set(key, dest);
  }

  get(tgid: number, fd: number): SocketDest | undefined {
    return this.socks.get(`${tgid}:${fd}`);
  }

  close(tgid: number, fd: number): void {
    this.socks.delete(`${tgid}:${fd}`);
  }
}

/** `127.0.0.1:18199`, `[::1]:443`, or the unix path: how an endpoint is named in fields and fingerprints. */
export function endpointName(d: { addr?: string; port?: number; path?: string }): string {
  if (d.path) return d.path;
  const addr = d.addr ?? "?";
  const host = addr.includes(":") ? `[${addr}]` : addr;
  return d.port !== undefined ? `${host}:${d.port}` : host;
}
