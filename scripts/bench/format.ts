// Plain-text rendering of the bench tables (aligned columns, thousands separators) and small helpers
// the sections share.
import type { Cell, Table } from './types';

export const fmtGas = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtRatio = (r: number): string => `${r.toFixed(2)}×`;
export const fmtPct = (r: number): string => `${(r * 100).toFixed(1)} %`;

function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? fmtGas(cell) : cell;
}

export function renderTable(table: Table): string {
  const texts = table.rows.map((row) => table.columns.map((_, i) => cellText(row[i] ?? null)));
  const widths = table.columns.map((c, i) => Math.max(c.header.length, ...texts.map((r) => r[i]!.length)));
  const pad = (s: string, i: number) => {
    const w = widths[i]!;
    const right = (table.columns[i]!.align ?? (i === 0 ? 'left' : 'right')) === 'right';
    return right ? s.padStart(w) : s.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const out: string[] = [];
  if (table.title) out.push(table.title);
  out.push(line(table.columns.map((c) => c.header)));
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of texts) out.push(line(r));
  return out.join('\n');
}

/** Wraps a note to `width` columns, indenting continuation lines under the bullet. */
export function wrapNote(text: string, width = 100, bullet = '• '): string {
  const indent = ' '.repeat(bullet.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width - bullet.length) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? bullet : indent) + l).join('\n');
}

/** `✓`/`✗` beside a measurement and its ceiling. */
export function targetStatus(value: number, max: number): string {
  return value <= max ? '✓' : '✗';
}
