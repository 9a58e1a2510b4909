/**
 * s3rver and the SES emulator in a process of their own, so that their work (writing objects to
 * disk, storing sent mail) does not share the event loop, the heap or the CPU time of the intake
 * being measured. Prints one JSON line with the endpoints, then serves until SIGTERM.
 */
import { startS3rver } from '../../shared/adapters/local/services/s3rver';
import { startSesEmulator } from '../../shared/adapters/local/services/ses-emulator';

const bucket = process.argv[2] ?? 'exodata-bench';
const s3 = await startS3rver([bucket]);
const ses = await startSesEmulator();
process.stdout.write(`${JSON.stringify({ s3: s3.endpoint, ses: ses.endpoint })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([ses.stop(), s3.stop()]);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The bench process died without stopping us: do not outlive it.
process.on('disconnect', stop);
