import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { ConfigError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';

/** What the SMTP session knew about one message, beyond its bytes. */
export type SmtpEnvelope = {
  /** MAIL FROM, lower-cased; '' for the null sender `<>` (bounces). */
  mailFrom: string;
  /** RCPT TO, lower-cased, in order, once each. */
  recipients: string[];
  /** End of DATA, from the clock: when the service "received" the message (the SLA clock starts here). */
  receivedAt: Date;
  remoteAddress: string;
  sessionId: string;
};

/** Runs one accepted message; resolves with the text of the 250 reply, throws to refuse it for now (451). */
export type SmtpDelivery = (raw: Buffer, envelope: SmtpEnvelope) => Promise<string>;

export type SmtpListenerOptions = {
  host: string;
  /** 0: one the OS picks. */
  port: number;
  /** Advertised (EHLO SIZE), checked on MAIL FROM SIZE= and enforced on DATA: 552. */
  maxMessageBytes: number;
  /** The only recipients accepted (compared lower-case); others get 550. */
  acceptedRecipients: readonly string[];
  deliver: SmtpDelivery;
  clock: Clock;
  /** One line per refusal or failure (the delivery logs its own successes). */
  log(line: string): void;
};

export type SmtpListener = {
  host: string;
  port: number;
  /** Idempotent; waits for the messages being processed, then closes every connection. */
  stop(): Promise<void>;
};

/** How long stop() lets a message being processed finish before closing its connection. */
const DRAIN_MS = 15_000;

/**
 * A local stand-in for SES receiving: an SMTP listener (npm smtp-server) that takes mail for the desk
 * addresses only, hands each message to `deliver` before answering, and answers 451 when `deliver`
 * fails, so that the sending server keeps the message and retries (nothing is lost; the intake is
 * idempotent). No TLS and optional AUTH with any credentials: it listens on 127.0.0.1 for development.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const accepted = new Set(options.acceptedRecipients.map((a) => a.toLowerCase()));
  const acceptedList = [...accepted].join(', ');
  const inFlight = new Set<Promise<unknown>>();

  const server = new SMTPServer({
    name: 'exodata-intake.local',
    banner: 'Exodata service desk intake (local; mail for the desk addresses only)',
    size: options.maxMessageBytes,
    rejectOversized: true,
    // RFC 3463 codes (5.1.1, 4.3.0, 5.3.4…) on every reply, as real MTAs do.
    hideENHANCEDSTATUSCODES: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    onAuth(_auth, _session, callback) {
      // Local development: any credentials, so that mail clients configured with some still work.
      callback(null, { user: 'local' });
    },
    onRcptTo(address, session, callback) {
      const recipient = address.address.toLowerCase();
      if (accepted.has(recipient)) return callback();
      options.log(
        `SMTP 550 refused RCPT TO:<${address.address}> from ${describeSender(session)} (not a desk address)`,
      );
      callback(
        smtpError(
          550,
          `<${address.address}>: no such mailbox here; this listener takes mail for the service desks only: ${acceptedList}`,
        ),
      );
    },
    onData(stream, session, callback) {
      const work = receive(stream, session, options).then(
        (reply) => callback(null, reply),
        (error: unknown) => callback(asSmtpError(error)),
      );
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });
  const address = await listen(server, options.host, options.port);
  server.on('error', (error) => options.log(`SMTP connection error: ${error.message}`));
  let stopping: Promise<void> | null = null;
  return {
    host: options.host,
    port: address.port,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.race([Promise.allSettled([...inFlight]), delay(DRAIN_MS)]);
        await closed;
      })();
      return stopping;
    },
  };
}

async function receive(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  options: SmtpListenerOptions,
): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Past the limit the rest is read (the protocol needs it) but not kept.
    if (kept <= options.maxMessageBytes) {
      chunks.push(chunk);
      kept += chunk.length;
    }
  }
  if (stream.sizeExceeded) {
    options.log(
      `SMTP 552 refused a message of more than ${options.maxMessageBytes} bytes from ${describeSender(session)}`,
    );
    // The server answers 552 itself (rejectOversized); this only keeps a cut message from the intake.
    throw smtpError(552, `message exceeds fixed maximum message size ${options.maxMessageBytes}`);
  }
  const mailFrom = session.envelope.mailFrom;
  const envelope: SmtpEnvelope = {
    mailFrom: mailFrom === false ? '' : mailFrom.address.toLowerCase(),
    recipients: [...new Set(session.envelope.rcptTo.map((r) => r.address.toLowerCase()))],
    receivedAt: options.clock.now(),
    remoteAddress: session.remoteAddress,
    sessionId: session.id,
  };
  return options.deliver(Buffer.concat(chunks), envelope);
}

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Any failure of the delivery is temporary for the sender: the raw message is already kept, the
 * intake is idempotent, and a permanent refusal would lose a client's request. The cause is logged
 * by the delivery; the sender only learns to retry.
 */
function asSmtpError(error: unknown): SmtpError {
  if (error instanceof Error && typeof (error as Partial<SmtpError>).responseCode === 'number') {
    return error as SmtpError;
  }
  return smtpError(451, 'temporary failure while registering the message; please try again later');
}

function describeSender(session: SMTPServerSession): string {
  const from = session.envelope.mailFrom;
  const sender = from === false ? '(no MAIL FROM yet)' : `<${from.address}>`;
  return `${sender} [${session.remoteAddress}]`;
}

async function listen(server: SMTPServer, host: string, port: number): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.server.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`the SMTP listener cannot listen on ${host}:${port}: the port is in use`, {
              hint: `stop what holds it (\`lsof -i :${port}\`) or choose another port (--smtp-port, EXO_SMTP_PORT)`,
              cause: error,
            })
          : error,
      );
    };
    const onListening = () => {
      server.server.off('error', onError);
      resolve();
    };
    server.server.once('error', onError);
    server.server.once('listening', onListening);
    server.listen(port, host);
  });
  return server.server.address() as AddressInfo;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
