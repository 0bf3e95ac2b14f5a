// Draws the indicators page's chart from the report the page carries (data-report): the on-time completion
// rate and the petition count per group. The table beside it holds the same figures for screen readers.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('chart');
  if (!el || !window.echarts) { return; }
  var report = JSON.parse(el.dataset.report || '{}');
  var groups = report.groups || [];
  var names = groups.map(function (g) { return g.name || g.key || '—'; });
  var rates = groups.map(function (g) { var r = g.rates && g.rates.onTimeCompletion; return r && r.rate != null ? Math.round(r.rate * 1000) / 10 : null; });
  var counts = groups.map(function (g) { return g.counts && g.counts.petitions ? g.counts.petitions.current : 0; });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [el.dataset.labelCount, el.dataset.labelRate] },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: el.dataset.labelCount, type: 'bar', data: counts, itemStyle: { color: '#0b4f8a' } },
      { name: el.dataset.labelRate, type: 'line', yAxisIndex: 1, data: rates, itemStyle: { color: '#8b1a1a' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
