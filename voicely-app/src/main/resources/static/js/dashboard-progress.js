// Draws the progress charts from the data- attributes the server rendered; the tables under them hold the
// same numbers for screen readers and for when scripts are off. Chart.js (UMD, from its WebJar) is loaded
// with defer before this module, and modules run after deferred scripts, so window.Chart is ready.
const brand = getComputedStyle(document.documentElement).getPropertyValue('--color-brand').trim() || '#5a2ca0';

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  const max = canvas.dataset.max ? Number(canvas.dataset.max) : undefined;
  new window.Chart(canvas, {
    type: canvas.dataset.chart,
    data: {
      labels: JSON.parse(canvas.dataset.labels),
      datasets: [{
        label: canvas.dataset.label,
        data: JSON.parse(canvas.dataset.values),
        borderColor: brand,
        backgroundColor: brand,
        tension: 0.3,
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, max } },
    },
  });
}
