#!/usr/bin/env node
// Launcher for the copydesk command: runs the compiled CLI and hands its exit code to Node.
// Holds no logic; build first with `npm run build`.
import { main } from '../out/server/src/cli/main.js';

process.exitCode = await main();
