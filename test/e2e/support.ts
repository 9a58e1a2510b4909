import { connect } from 'node:net';
import { z } from 'zod';

/**
 * A raw SMTP dialogue, for what nodemailer will not do: send DATA without declaring its SIZE first.
 * Returns every reply line the server sent, in order.
 */
export async function smtpDialogue(port: number, commands: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply is complete at a line "NNN text" (a dash after the code means more lines follow).
    const lines = buffer.split('\r\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      replies.push(line);
      if (/^\d{3} /.test(line)) {
        const done = waiting;
        waiting = null;
        done?.();
      }
    }
  });
  const nextReply = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no SMTP reply; got so far: ${replies.join(' | ')}`)),
        20_000,
      );
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  try {
    await nextReply(); // greeting
    for (const command of commands) {
      const reply = nextReply();
      socket.write(`${command}\r\n`);
      await reply;
    }
  } finally {
    socket.destroy();
  }
  return replies;
}

/** True when nothing accepts a TCP connection on the port any more. */
export function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The agent API as an agent of these desks, through the local dev login. */
export async function agentApi(baseUrl: string, desks: string[]) {
  const login = await fetch(`${baseUrl}/api/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agent: 'e2e agent', desk: desks }),
  });
  if (!login.ok) throw new Error(`dev login: HTTP ${login.status} ${await login.text()}`);
  const { token } = z.object({ token: z.string() }).parse(await login.json());
  return {
    async get(path: string): Promise<unknown> {
      const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
    async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}
