// Draws Apache ECharts charts from the tables on the page (which stay as the accessible version).
// <div data-chart="stacked|hbar|forecast" data-table="ID">; the table's header cells carry
// data-series (and data-color); a row's data-href is where a click on its bar leads (drill-down); a cell's
// data-value, when present, is its number as the chart reads it.
(function () {
  'use strict';
  // a cell shows its number in the page's language (1.234,5 or 1,234.5); data-value holds it for the chart
  function number(cell) {
    var text = !cell ? '' : cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    if (text === '') { return null; }
    var value = parseFloat(text);
    return isNaN(value) ? null : value;
  }
  // numbers on axes and in tooltips as the page's language writes them: "1.500" in Vietnamese, where "1,500" reads as
  // one and a half, "1,500" in English (ECharts' own formatting groups with commas whatever the language)
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'vi', { maximumFractionDigits: 1 });
  function figure(value) {
    return typeof value === 'number' ? numbers.format(value) : value;
  }
  // a value axis's figures: fewer of them on a phone, so that "1.200 1.500 1.800" do not run into each other
  function valueAxis(element, options) {
    var axis = { type: 'value', axisLabel: { formatter: figure, hideOverlap: true } };
    if (element.clientWidth < 480) {
      axis.splitNumber = 3;
    }
    Object.keys(options || {}).forEach(function (key) {
      if (key === 'axisLabel') {
        Object.keys(options.axisLabel).forEach(function (k) { axis.axisLabel[k] = options.axisLabel[k]; });
      } else {
        axis[key] = options[key];
      }
    });
    return axis;
  }
  function read(table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var series = heads.slice(1).map(function (th, i) {
      return { key: th.getAttribute('data-series'), name: th.textContent.trim(), color: th.getAttribute('data-color'), column: i + 1 };
    }).filter(function (s) { return s.key; });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    return {
      categories: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
      links: rows.map(function (row) { return row.getAttribute('data-href'); }),
      series: series.map(function (s) {
        return { key: s.key, name: s.name, color: s.color, data: rows.map(function (row) { return number(row.cells[s.column]); }) };
      })
    };
  }
  function drill(data, index, seriesKey) {
    var link = data.links[index];
    if (!link) { return; }
    if (seriesKey === 'negative' || seriesKey === 'neutral' || seriesKey === 'positive') {
      link += (link.indexOf('?') < 0 ? '?' : '&') + 'sentiment=' + seriesKey;
    }
    window.location.href = link;
  }
  function stacked(data, element) {
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: {}, grid: { left: 48, right: 16, bottom: 48 },
      xAxis: { type: 'category', data: data.categories }, yAxis: valueAxis(element, { minInterval: 1 }),
      series: data.series.map(function (s) {
        return { name: s.name, key: s.key, type: 'bar', stack: 'all', data: s.data, itemStyle: { color: s.color } };
      })
    };
  }
  // the names take at most two fifths of the width (cut with an ellipsis; the table below gives them whole), so that
  // on a phone long names ("Administrative procedures and public service") leave the bars their room
  function labelWidth(element) {
    return Math.max(60, Math.round(element.clientWidth * 0.4));
  }
  function hbar(data, element) {
    var s = data.series[0];
    return {
      tooltip: { renderMode: 'richText' }, grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: valueAxis(element, { minInterval: 1 }),
      yAxis: { type: 'category', inverse: true, data: data.categories,
        axisLabel: { width: labelWidth(element), overflow: 'truncate' } },
      series: [{ name: s.name, key: s.key, type: 'bar', data: s.data, itemStyle: { color: s.color } }]
    };
  }
  function forecast(data, element) {
    var byKey = {};
    data.series.forEach(function (s) { byKey[s.key] = s; });
    var low = byKey.low.data;
    var band = byKey.high.data.map(function (h, i) { return h === null || low[i] === null ? null : h - low[i]; });
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { data: [byKey.observed.name, byKey.expected.name] },
      grid: { left: 48, right: 16, bottom: 48 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { hideOverlap: true } },
      yAxis: valueAxis(element, { min: 0 }),
      series: [
        { name: byKey.low.name, type: 'line', data: low, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 } },
        { name: byKey.high.name, type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(164, 22, 26, 0.15)' } },
        { name: byKey.observed.name, type: 'line', data: byKey.observed.data, symbol: 'none', itemStyle: { color: byKey.observed.color } },
        { name: byKey.expected.name, type: 'line', data: byKey.expected.data, symbol: 'none', lineStyle: { type: 'dashed' },
          itemStyle: { color: byKey.expected.color } }
      ]
    };
  }
  // attention on a subject day by day: posts and questions as bars, the negative share of comments as a line on
  // its own axis (per cent), the campaign's period shaded (data-mark-from / data-mark-to: category labels)
  function effect(data, element) {
    var byKey = {};
    data.series.forEach(function (s) { byKey[s.key] = s; });
    var from = element.getAttribute('data-mark-from');
    var to = element.getAttribute('data-mark-to');
    var bars = ['posts', 'questions'].filter(function (k) { return byKey[k]; }).map(function (k) {
      return { name: byKey[k].name, key: k, type: 'bar', data: byKey[k].data, itemStyle: { color: byKey[k].color } };
    });
    if (bars.length && from && to) {
      bars[0].markArea = { silent: true, itemStyle: { color: 'rgba(0, 94, 162, 0.10)' },
        data: [[{ name: element.getAttribute('data-mark-label') || '', xAxis: from }, { xAxis: to }]] };
    }
    var series = bars;
    if (byKey.negative) {
      series = series.concat([{ name: byKey.negative.name, key: 'negative', type: 'line', yAxisIndex: 1, connectNulls: false,
        data: byKey.negative.data, itemStyle: { color: byKey.negative.color },
        tooltip: { valueFormatter: function (value) { return value === null ? '-' : figure(value) + ' %'; } } }]);
    }
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: {}, grid: { left: 48, right: 48, bottom: 48 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { hideOverlap: true } },
      yAxis: [valueAxis(element, { minInterval: 1 }), valueAxis(element, { min: 0, max: 100,
        axisLabel: { formatter: function (value) { return figure(value) + ' %'; } } })],
      series: series
    };
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (element) {
      var table = document.getElementById(element.getAttribute('data-table'));
      if (!table) { return; }
      var data = read(table);
      var kind = element.getAttribute('data-chart');
      var options = kind === 'stacked' ? stacked(data, element) : kind === 'hbar' ? hbar(data, element)
        : kind === 'effect' ? effect(data, element) : forecast(data, element);
      options.tooltip.valueFormatter = figure;
      // no animation: figures appear at once and stay still (also for people who prefer reduced motion);
      // tooltips drawn on the canvas (richText), as HTML tooltips would need inline styles the CSP forbids
      options.animation = false;
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(options);
      chart.on('click', function (params) {
        var s = options.series[params.seriesIndex];
        drill(data, params.dataIndex, s && s.key);
      });
      window.addEventListener('resize', function () {
        if (kind === 'hbar') {
          chart.setOption({ yAxis: { axisLabel: { width: labelWidth(element) } } });
        }
        chart.resize();
      });
      element.setAttribute('data-chart-ready', 'true');
    });
  });
})();
