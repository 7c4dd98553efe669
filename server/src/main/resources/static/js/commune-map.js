// Draws the communes' tile map with Apache ECharts from the reach table on the page (which stays as the accessible
// version): <div data-commune-map="GEOJSON URL" data-table="ID">; each row of the table's body has data-code (the
// commune's code) and data-level (reached-local, reached-province, missed, missed-priority); the first cell is its
// name. The legend's labels come from the table's data-label-LEVEL attributes.
(function () {
  'use strict';
  var LEVELS = ['reached-local', 'reached-province', 'missed', 'missed-priority'];
  var COLORS = { 'reached-local': '#1a7f37', 'reached-province': '#8cc68f', 'missed': '#d0d7de', 'missed-priority': '#a4161a' };
  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || !window.echarts) { return; }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-code]'));
    var data = rows.map(function (row) {
      return { name: row.getAttribute('data-code'), label: row.cells[0].textContent.trim(),
        value: LEVELS.indexOf(row.getAttribute('data-level')) };
    });
    var byCode = {};
    data.forEach(function (d) { byCode[d.name] = d.label; });
    var request = new XMLHttpRequest();
    request.open('GET', element.getAttribute('data-commune-map'));
    request.responseType = 'json';
    request.onload = function () {
      if (request.status !== 200 || !request.response) { return; }
      window.echarts.registerMap('loa-communes', request.response);
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        tooltip: { renderMode: 'richText', formatter: function (p) {
          var level = LEVELS[p.value];
          return (byCode[p.name] || p.name) + (level ? ': ' + (table.getAttribute('data-label-' + level) || '') : '');
        } },
        visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0,
          pieces: LEVELS.map(function (level, i) {
            return { value: i, label: table.getAttribute('data-label-' + level) || level, color: COLORS[level] };
          }) },
        series: [{ type: 'map', map: 'loa-communes', nameProperty: 'code', roam: true, data: data,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 }, emphasis: { label: { show: false } },
          label: { show: false } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      element.setAttribute('data-chart-ready', 'true');
    };
    request.send();
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-commune-map]'), draw);
  });
})();
