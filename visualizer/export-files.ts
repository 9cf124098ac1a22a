/** Saves what the visualizer shows as files: the machine as JSON, the chart as a standalone SVG. */
import chartCss from './chart.css?raw';

export function download(fileName: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The machine's JSON definition (`machine.toJSON()`), pretty-printed. */
export function machineJson(machine: { toJSON(): unknown }): string {
  return `${JSON.stringify(machine.toJSON(), null, 2)}\n`;
}

/** The chart as a self-contained SVG document: its styles travel inside it. */
export function chartSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = chartCss;
  copy.insertBefore(style, copy.firstChild);
  for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
