/**
 * NODE_OPTIONS with `--enable-source-maps` added (kept once if it is there already). The functions run
 * without it; the bench loads each bundle with it too, to show what Node's own mapping would cost.
 */
export function withSourceMapsFlag(nodeOptions: string | undefined): string {
  const options = (nodeOptions ?? '').trim();
  return /(^|\s)--enable-source-maps(\s|$)/.test(options)
    ? options
    : `${options} --enable-source-maps`.trim();
}
