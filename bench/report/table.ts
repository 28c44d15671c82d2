// One table, printed either as aligned text (stdout) or as markdown.
export type Cell = string | number | null | undefined;

export const show = (value: Cell, suffix = "") =>
  value === null || value === undefined
    ? "–"
    : `${typeof value === "number" ? value.toLocaleString("en-US") : value}${suffix}`;

export function table(headers: string[], rows: Cell[][], style: "text" | "markdown"): string {
  const cells = rows.map((row) => row.map((cell) => show(cell)));
  if (style === "markdown") {
    const line = (values: string[]) => `| ${values.join(" | ")} |`;
    const rule = headers.map((_, i) => (i === 0 ? "---" : "---:"));
    return [line(headers), line(rule), ...cells.map(line)].join("\n");
  }
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (values: string[]) =>
    values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join("  ");
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}
