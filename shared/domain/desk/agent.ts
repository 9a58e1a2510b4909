import * as z from 'zod';
import { DeskIdSchema } from './service-desk-config';

/**
 * A signed-in agent. `desks` are the Cognito groups (one group per desk id) on AWS, or what the
 * dev login was given locally; an agent may belong to several desks.
 */
export const AgentSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  desks: z.array(DeskIdSchema).max(20),
});
export type Agent = z.infer<typeof AgentSchema>;
