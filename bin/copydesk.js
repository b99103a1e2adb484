#!/usr/bin/env node
// Launcher for the copydesk command: runs the bundled CLI (scripts/bundle-cli.mjs) and hands its
// exit code to Node. Holds no logic; build first with `npm run build`.
import { main } from '../out/cli/copydesk.js';

process.exitCode = await main();
