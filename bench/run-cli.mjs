// Runs the copydesk command exactly as bin/copydesk.js does, then writes its own CPU time (all
// threads, workers included), and peak memory to the JSON file named by COPYDESK_BENCH_STATS.
// Used by bench/cli-scale.js only.
import fs from 'node:fs';
import { main } from '../out/cli/copydesk.js';

const code = await main();
const usage = process.resourceUsage();
const stats = { code, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS };
fs.writeFileSync(process.env.COPYDESK_BENCH_STATS, JSON.stringify(stats));
process.exitCode = code;
