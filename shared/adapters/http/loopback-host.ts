/**
 * The `Host` names of this machine's loopback interface, with an optional port. The local dev login
 * signs anyone in as any agent: answering it only for a loopback `Host` keeps a page on another site
 * (DNS rebinding) or a neighbour on the network from using it when the stack listens wider.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host.trim());
}
