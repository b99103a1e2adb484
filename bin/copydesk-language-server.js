#!/usr/bin/env node
// Launcher for the Copydesk language server, for editors other than VS Code: speaks LSP over
// stdin/stdout unless a transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) is named.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) process.argv.push('--stdio');
await import('../out/server/src/lsp/server.js');
