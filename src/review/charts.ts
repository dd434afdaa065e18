// Inline SVG bar charts (no library): grouped vertical bars by year, grouped horizontal bars by unit.
import { attr, esc } from './escape.js';

export interface Series {
  name: string;
  colour: string;
}

export interface Category {
  label: string;
  /** a second, smaller label line (horizontal charts), e.g. the years covered */
  sub?: string;
  /** one value per series, in 万元; null = not stated */
  values: (number | null)[];
  /** optional note per series value (e.g. "derived") shown in the bar's tooltip */
  notes?: (string | null)[];
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * pow + 1e-9) return m * pow;
  return 10 * pow;
}

function maxOf(cats: Category[]): number {
  return niceCeil(Math.max(0, ...cats.flatMap((c) => c.values.filter((v): v is number => v !== null))));
}

function legend(series: Series[], x: number, y: number): string {
  return series
    .map((s, i) => {
      const lx = x + i * 130;
      return `<rect x="${lx}" y="${y - 9}" width="10" height="10" rx="2" fill="${s.colour}"/><text x="${lx + 14}" y="${y}">${esc(s.name)}</text>`;
    })
    .join('');
}

function barTitle(cat: Category, s: Series, i: number): string {
  const v = cat.values[i];
  const note = cat.notes?.[i];
  return `${cat.label}${cat.sub ? `（${cat.sub}）` : ''} · ${s.name}：${v === null ? '未找到' : `${fmt.format(v)} 万元`}${note ? `（${note}）` : ''}`;
}

/** Categories along x (e.g. years), one bar per series. */
export function verticalBars(title: string, cats: Category[], series: Series[], unit = '万元'): string {
  const W = 560, H = 300, L = 64, R = 12, T = 40, B = 36;
  const pw = W - L - R, ph = H - T - B;
  const max = maxOf(cats);
  const y = (v: number) => T + ph - (v / max) * ph;
  const out: string[] = [];
  out.push(`<text x="${L}" y="16" font-weight="600">${esc(title)}</text>`, legend(series, L, 32));
  for (let k = 0; k <= 4; k++) {
    const v = (max / 4) * k;
    out.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end" fill="#6b7280">${fmt.format(v)}</text>`);
  }
  out.push(`<text x="12" y="${T + ph / 2}" transform="rotate(-90 12 ${T + ph / 2})" text-anchor="middle" fill="#6b7280">${esc(unit)}</text>`);
  const gw = pw / Math.max(1, cats.length);
  const bw = Math.min(36, (gw * 0.8) / series.length);
  cats.forEach((c, ci) => {
    const gx = L + gw * ci + (gw - bw * series.length) / 2;
    series.forEach((s, si) => {
      const v = c.values[si];
      const x = gx + si * bw;
      if (v === null) {
        out.push(`<text x="${x + bw / 2}" y="${T + ph - 4}" text-anchor="middle" fill="#9ca3af" font-size="10"><title>${esc(barTitle(c, s, si))}</title>–</text>`);
        return;
      }
      const top = y(v);
      const dashed = c.notes?.[si] ? ' stroke="#374151" stroke-dasharray="3 2"' : '';
      out.push(`<rect class="bar" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${(T + ph - top).toFixed(1)}" fill="${s.colour}"${dashed} data-v="${attr(v)}"><title>${esc(barTitle(c, s, si))}</title></rect>`);
      out.push(`<text x="${(x + bw / 2 - 1).toFixed(1)}" y="${(top - 3).toFixed(1)}" text-anchor="middle" font-size="10">${fmt.format(v)}</text>`);
    });
    out.push(`<text x="${(L + gw * ci + gw / 2).toFixed(1)}" y="${T + ph + 18}" text-anchor="middle">${esc(c.label)}</text>`);
  });
  out.push(`<line x1="${L}" x2="${W - R}" y1="${T + ph}" y2="${T + ph}" stroke="#9ca3af"/>`);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${attr(title)}">${out.join('')}</svg>`;
}

/** Categories down the side (e.g. units), one bar per series. */
export function horizontalBars(title: string, cats: Category[], series: Series[], unit = '万元'): string {
  const W = 560, L = 190, R = 60, T = 44, rowH = Math.max(30, 14 * series.length + 14);
  const H = T + rowH * Math.max(1, cats.length) + 24;
  const pw = W - L - R;
  const max = maxOf(cats);
  const x = (v: number) => L + (v / max) * pw;
  const out: string[] = [];
  out.push(`<text x="8" y="16" font-weight="600">${esc(title)}</text>`, legend(series, L, 32));
  for (let k = 0; k <= 4; k++) {
    const v = (max / 4) * k;
    out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${T}" y2="${H - 20}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x(v)}" y="${H - 6}" text-anchor="middle" fill="#6b7280">${fmt.format(v)}${k === 4 ? ` ${esc(unit)}` : ''}</text>`);
  }
  cats.forEach((c, ci) => {
    const ry = T + rowH * ci + 6;
    const short = [...c.label].length > 14 ? `${[...c.label].slice(0, 13).join('')}…` : c.label;
    const mid = ry + (rowH - 14) / 2;
    out.push(`<text x="${L - 8}" y="${c.sub ? mid : mid + 4}" text-anchor="end"><title>${esc(c.label)}</title>${esc(short)}</text>`);
    if (c.sub) out.push(`<text x="${L - 8}" y="${mid + 13}" text-anchor="end" fill="#6b7280" font-size="10">${esc(c.sub)}</text>`);
    series.forEach((s, si) => {
      const v = c.values[si];
      const by = ry + si * 14;
      if (v === null) {
        out.push(`<text x="${L + 4}" y="${by + 10}" fill="#9ca3af" font-size="10"><title>${esc(barTitle(c, s, si))}</title>未找到</text>`);
        return;
      }
      const dashed = c.notes?.[si] ? ' stroke="#374151" stroke-dasharray="3 2"' : '';
      out.push(`<rect class="bar" x="${L}" y="${by}" width="${Math.max(1, x(v) - L).toFixed(1)}" height="12" fill="${s.colour}"${dashed} data-v="${attr(v)}"><title>${esc(barTitle(c, s, si))}</title></rect>`);
      out.push(`<text x="${(x(v) + 4).toFixed(1)}" y="${by + 10}" font-size="10">${fmt.format(v)}</text>`);
    });
  });
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${attr(title)}">${out.join('')}</svg>`;
}
