import type { Receipt } from '../../shared/domain/mail/receipt';
import type { CorpusMessage } from './generate';

/** What SES would have told the intake about this corpus message: delivered to its desk, all verdicts PASS. */
export function receiptOf(message: CorpusMessage, deliveryId = `bench-${message.index}`): Receipt {
  return {
    receivedAt: message.receivedAt,
    recipients: [message.deskAddress],
    envelopeFrom: null,
    verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
    dmarcPolicy: null,
    channel: 'ses',
    deliveryId,
  };
}
