/**
 * The visualizer page: receives a page's chat over the `@statelyai/inspect` protocol from the window that
 * opened it (the runtime's inspector chunk; see `opener-receiver.ts`) and draws it; with no page
 * connected it runs a standalone copy of the machine that can be driven by clicking transitions.
 */
import './chart.css';
import './visualizer.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { createMachine, type AnyStateMachine } from 'xstate';
import { chartSvg, download, machineJson } from './export-files';
import { createInspectionStore, type InspectionChange } from './inspection-store';
import { createLiveFeed } from './live-feed';
import { receiveFromOpener } from './opener-receiver';
import { SAMPLE_EVENT_TYPES } from './sample-events';
import { eventLabel } from './statechart-graph';
import { inspectedDefinitionOf, startStandalone, STANDALONE_MACHINE, type StandaloneSession } from './standalone-session';
import { activeLeaves, activePaths, chartOf, type Chart } from './statechart-graph';
import { estimateTextWidth, layoutChart } from './statechart-layout';
import { canvasMeasure, renderChart, type ChartView } from './statechart-svg';
import { createTimelineView } from './timeline-view';
import { dom } from './visualizer.dom';

type Mode = 'standalone' | 'live';

const store = createInspectionStore();
const elk = new ELK();
const measure = canvasMeasure(estimateTextWidth);
const timeline = createTimelineView(dom.timeline(), store.entries);

let mode: Mode = 'standalone';
let standalone: StandaloneSession | undefined;
let machine: AnyStateMachine | undefined;
let chart: Chart | undefined;
let view: ChartView | undefined;
let layoutRun = 0;
let localDefinition: string | undefined;
/** `undefined`: fit the chart pane's width (between {@link MIN_ZOOM} and 1). */
let zoom: number | undefined;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 2;
const pending = new Set<InspectionChange | 'enabled'>();
let frame = 0;

function schedule(change: InspectionChange | 'enabled'): void {
  pending.add(change);
  if (!frame) frame = requestAnimationFrame(flush);
}

function flush(): void {
  frame = 0;
  const changes = new Set(pending);
  pending.clear();
  if (changes.has('machine')) void drawMachine();
  if (changes.has('snapshot') || changes.has('machine')) drawState();
  if (changes.has('event') || changes.has('snapshot') || changes.has('machine')) drawLastEvent();
  if (changes.has('enabled') || changes.has('snapshot') || changes.has('machine')) drawEnabled();
  if (changes.has('entries')) {
    dom.timelineCount().textContent = `(${store.entries.length})`;
    timeline.refresh();
  }
}

store.subscribe(schedule);

/** The machine to draw: the standalone copy itself, or one rebuilt from the inspected definition. */
function machineFor(): AnyStateMachine | undefined {
  if (mode === 'standalone') return STANDALONE_MACHINE;
  const inspected = store.machine;
  if (!inspected) return undefined;
  if (inspected.definition === (localDefinition ??= inspectedDefinitionOf(STANDALONE_MACHINE))) return STANDALONE_MACHINE;
  try {
    return createMachine(inspected.config as Parameters<typeof createMachine>[0]);
  } catch (error) {
    console.warn('[visualizer] could not rebuild the inspected machine; drawing the local chat machine instead', error);
    return STANDALONE_MACHINE;
  }
}

async function drawMachine(): Promise<void> {
  const run = ++layoutRun;
  const next = machineFor();
  if (!next) return;
  if (next === machine && view) return; // the same machine again (a restart): keep the drawing
  machine = next;
  const nextChart = chartOf(next);
  const layout = await layoutChart(nextChart, elk, measure);
  if (run !== layoutRun) return;
  chart = nextChart;
  view = renderChart(layout, {
    title: `Statechart of the ${chart.machineId} machine`,
    onTransition: (transition) => standalone?.take(transition),
  });
  dom.chart().replaceChildren(view.svg);
  dom.chart().setAttribute('aria-busy', 'false');
  applyZoom();
  drawState();
  drawEnabled();
}

function drawState(): void {
  const state = store.state;
  const active = activePaths(state?.value);
  if (chart && view) {
    const leaves = activeLeaves(chart, active);
    view.setActive(active, new Set(leaves));
    const shown = leaves.filter((path) => path !== '').join(', ') || '—';
    if (dom.activeStates().textContent !== shown) {
      dom.activeStates().textContent = shown;
      view.activeLeafElements()[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const before = activePaths(store.previousState?.value);
    const eventType = state?.event?.type;
    view.setTaken(
      new Set(
        chart.transitions
          .filter((t) => t.eventType === eventType && before.has(t.source) && (t.targets.length ? t.targets.every((target) => active.has(target)) : active.has(t.source)))
          .map((t) => t.id),
      ),
    );
  }
  dom.context().textContent = state ? JSON.stringify(state.context, null, 2) : 'No snapshot yet.';
}

function drawLastEvent(): void {
  const received = store.lastEvent;
  const event = received?.event ?? store.state?.event;
  dom.lastEvent().textContent = event ? JSON.stringify(event, null, 2) : 'No event yet.';
  dom.lastEventTime().textContent = received ? `received ${new Date(received.receivedAt).toLocaleTimeString()}` : '';
}

function drawEnabled(): void {
  if (mode !== 'standalone' || !standalone) {
    view?.setEnabled(new Set());
    return;
  }
  if (chart && view) view.setEnabled(standalone.enabledTransitions(chart.transitions));
  const enabledTypes = standalone.enabledEventTypes();
  for (const button of dom.sendButtons().querySelectorAll('button')) button.disabled = !enabledTypes.has(button.value);
}

function buildSendButtons(): void {
  const buttons = SAMPLE_EVENT_TYPES.map((type) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.value = type;
    // The actors' answers by what they are (`done: startChat`), as the chart labels them.
    button.textContent = eventLabel(type);
    button.disabled = true;
    return button;
  });
  dom.sendButtons().replaceChildren(...buttons);
  dom.sendButtons().addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button && !button.disabled) standalone?.send(button.value);
  });
}

function startStandaloneMode(): void {
  standalone?.stop();
  mode = 'standalone';
  store.reset();
  standalone = startStandalone({
    deliver: (message) => {
      if (mode === 'standalone') store.apply(message);
    },
    onChange: () => schedule('enabled'),
  });
  dom.source().textContent = 'Standalone: a copy of the chat machine running in this page. Click a highlighted transition to send its event.';
  dom.sendSection().hidden = false;
  dom.restart().hidden = false;
}

function openerUrl(): string | undefined {
  try {
    return window.opener?.location.href as string | undefined;
  } catch {
    return undefined; // another origin: not ours to read
  }
}

function switchToLive(): void {
  standalone?.stop();
  standalone = undefined;
  mode = 'live';
  store.reset();
  const url = openerUrl();
  dom.source().textContent = url ? `Live: the chat on ${url}` : 'Live: the chat on the page that opened this window';
  dom.sendSection().hidden = true;
  dom.restart().hidden = true;
}

receiveFromOpener(window, createLiveFeed({ standalone: () => mode === 'standalone', goLive: switchToLive, apply: (message) => store.apply(message) }));

function fitZoom(): number {
  if (!view) return 1;
  const available = dom.chart().clientWidth - 8;
  return Math.min(1, Math.max(MIN_ZOOM, available / view.size.width));
}

function applyZoom(): void {
  view?.setZoom(zoom ?? fitZoom());
}

function zoomBy(factor: number): void {
  zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (zoom ?? fitZoom()) * factor));
  applyZoom();
}

dom.zoomIn().addEventListener('click', () => zoomBy(1.25));
dom.zoomOut().addEventListener('click', () => zoomBy(0.8));
dom.zoomFit().addEventListener('click', () => {
  zoom = undefined;
  applyZoom();
});
window.addEventListener('resize', () => zoom === undefined && applyZoom());
dom.restart().addEventListener('click', startStandaloneMode);
dom.exportJson().addEventListener('click', () => {
  if (machine) download(`${machine.id}.machine.json`, 'application/json', machineJson(machine));
});
dom.exportSvg().addEventListener('click', () => {
  if (view && machine) download(`${machine.id}.statechart.svg`, 'image/svg+xml', chartSvg(view.svg));
});

buildSendButtons();
startStandaloneMode();
