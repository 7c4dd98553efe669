// The reference table of the Vietnamese lunar calendar tests: Tết, Hùng Kings Day (10/3 lunar) and the leap month
// of each year 1901-2199, computed at UTC+7 by the npm package amlich 0.0.2 (an implementation of Hồ Ngọc Đức's
// published algorithm, not Loa's code). Run: cd tools/lunar-reference && npm install && node make.js > ../../server/src/test/resources/calendar/lunar-reference.csv
const am = require('amlich');
const out = ['year,tet,hung_kings,leap_month'];
const p = n => String(n).padStart(2, '0');
for (let y = 1901; y <= 2199; y++) {
  const t = am.convertLunar2Solar(1, 1, y, 0, 7);
  const h = am.convertLunar2Solar(10, 3, y, 0, 7);
  const leaps = [];
  for (let m = 1; m <= 12; m++) {
    const s = am.convertLunar2Solar(1, m, y, 1, 7);
    if (s[0] !== 0) { const back = am.convertSolar2Lunar(s[0], s[1], s[2], 7); if (back[3] === 1 && back[1] === m && back[2] === y) leaps.push(m); }
  }
  out.push(`${y},${t[2]}-${p(t[1])}-${p(t[0])},${h[2]}-${p(h[1])}-${p(h[0])},${leaps.join(' ')}`);
}
console.log(out.join('\n'));
