/** date-holidays ships no types for its data module: the part the bundle what-if reads. */
declare module 'date-holidays/data' {
  export const data: { holidays: Record<string, unknown> } & Record<string, unknown>;
}
