/**
 * triage.md, "New text": the body without quoted reply history (">" lines, everything below an
 * attribution line, Outlook's Original Message / De : Envoyé : block, forwarded-message separator)
 * and without the signature (below "-- ").
 */
export function splitNewText(_text: string): { newText: string; quotedText: string } {
  throw new Error('not implemented');
}
