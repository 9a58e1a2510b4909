import * as z from 'zod';

/**
 * What Lambda sends to an asynchronous invocation's on-failure destination (SQS) once its retries
 * are spent: the original event (`requestPayload`) and why it failed. Enough to redrive.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export const LambdaDestinationRecordSchema = z
  .object({
    version: z.string().optional(),
    timestamp: z.string().optional(),
    requestContext: z
      .object({
        requestId: z.string(),
        functionArn: z.string().optional(),
        condition: z.string().optional(),
        approximateInvokeCount: z.number().optional(),
      })
      .loose(),
    requestPayload: z.unknown(),
    responseContext: z.object({ functionError: z.string().optional() }).loose().optional(),
    responsePayload: z.unknown().optional(),
  })
  .loose();
export type LambdaDestinationRecord = z.infer<typeof LambdaDestinationRecordSchema>;

/** The error Lambda recorded, in one line. */
export function destinationError(record: LambdaDestinationRecord): string {
  const payload = record.responsePayload as { errorType?: string; errorMessage?: string } | undefined;
  const what = [payload?.errorType, payload?.errorMessage].filter(Boolean).join(': ');
  return what || record.requestContext.condition || 'unknown failure';
}
