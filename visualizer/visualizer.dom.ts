/** Every element the visualizer script touches, by id, in one place (the markup is `index.html`). */
function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`visualizer: #${id} is missing from index.html`);
  return element as T;
}

export const dom = {
  source: () => byId('source'),
  restart: () => byId<HTMLButtonElement>('restart'),
  exportJson: () => byId<HTMLButtonElement>('export-json'),
  exportSvg: () => byId<HTMLButtonElement>('export-svg'),
  activeStates: () => byId('active-states'),
  zoomIn: () => byId<HTMLButtonElement>('zoom-in'),
  zoomOut: () => byId<HTMLButtonElement>('zoom-out'),
  zoomFit: () => byId<HTMLButtonElement>('zoom-fit'),
  chart: () => byId('chart'),
  lastEvent: () => byId('last-event'),
  lastEventTime: () => byId('last-event-time'),
  context: () => byId('context'),
  sendSection: () => byId('send-section'),
  sendButtons: () => byId('send-buttons'),
  timeline: () => byId('timeline'),
  timelineCount: () => byId('timeline-count'),
};
