import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA: what issue 17 asks the portals to meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core in every page the context opens, through the browser itself (DevTools protocol "evaluate on
 * new document"): the page's Content-Security-Policy is not relaxed and the page loads no test script.
 */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_SOURCE });
}

export type AxeViolation = { rule: string; impact: string; help: string; target: string; summary: string };

/**
 * The WCAG A/AA violations of the page as it is now, one per element: "rule (impact) at <selector>: what
 * fails". Frames are left out: the only ones are sandboxed mail bodies (the sender's HTML, not ours).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (tags) => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    };
    const axe = (window as unknown as { axe?: { run(c: Document, o: object): Promise<AxeResult> } }).axe;
    if (!axe) throw new Error('axe-core is not in the page: was installAxe(context) called before goto?');
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      iframes: false,
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }, WCAG_TAGS);
}

/** One line per violation, naming the element: what a failing test prints. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.rule} (${v.impact}) at ${v.target}: ${v.help} — ${v.summary}`);
}
