import { buildFlexSearch, buildLunr } from './peers.js';
const texts = ['推动高质量发展取得新成效', '质量发展', '高质量的发展', 'clean energy is good', '西藏自治区旅游业'];
for (const b of [buildFlexSearch, buildLunr]) { const p = b(texts); console.log(p.name, p.search('高质量发展'), p.search('质量'), p.search('clean energy'), p.search('旅游')); }
