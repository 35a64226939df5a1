// Draws the analytics charts from the tab's JSON (the same numbers as the tables under them). Runs on
// page load and again after htmx swaps in another tab or date range.
const charts = [];

function colour(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function draw(panel, data) {
  const Chart = window.Chart;
  if (!Chart) {
    return;
  }
  const rtl = panel.dataset.dir === 'rtl';
  const brand = colour('--color-brand', '#5a2ca0');
  const accent = colour('--color-accent', '#a64b08');
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false, rtl }, tooltip: { rtl } },
  };
  for (const series of data.series) {
    const canvas = panel.querySelector(`canvas[data-series="${series.key}"]`);
    if (!canvas) continue;
    charts.push(new Chart(canvas, {
      type: 'line',
      data: {
        labels: series.points.map((p) => p.day.slice(5)),
        datasets: [{ label: series.label, data: series.points.map((p) => p.value), borderColor: brand,
          backgroundColor: brand, pointRadius: 2, tension: 0.25 }],
      },
      // Time runs in the reading direction: right to left in Hebrew.
      options: { ...common, scales: { x: { reverse: rtl, ticks: { maxTicksLimit: 6 } }, y: { beginAtZero: true, position: rtl ? 'right' : 'left' } } },
    }));
  }
  for (const ranking of data.rankings) {
    const canvas = panel.querySelector(`canvas[data-ranking="${ranking.key}"]`);
    if (!canvas) continue;
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ranking.rows.map((r) => r.label),
        datasets: [{ label: ranking.label, data: ranking.rows.map((r) => r.value), backgroundColor: accent }],
      },
      options: { ...common, indexAxis: 'y', scales: { x: { beginAtZero: true, reverse: rtl }, y: { position: rtl ? 'right' : 'left' } } },
    }));
  }
}

async function render() {
  while (charts.length) charts.pop().destroy();
  // On a phone the tab strip scrolls sideways; keep the open tab in sight after a swap.
  document.querySelector('.analytics-tab[aria-current="page"]')?.scrollIntoView({ inline: 'nearest', block: 'nearest' });
  const panel = document.querySelector('[data-analytics-api]');
  if (!panel) return;
  const response = await fetch(panel.dataset.analyticsApi, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return;
  draw(panel, await response.json());
  panel.dataset.chartsReady = 'true';
}

// The Chart.js script is deferred like this module; both have run once the document is parsed.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', render);
} else {
  render();
}
document.body.addEventListener('htmx:afterSettle', render);
