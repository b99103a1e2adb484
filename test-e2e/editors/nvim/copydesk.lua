-- Headless Neovim (0.7+) client for the Copydesk language server: diagnostics arrive, a quick fix
-- is applied, the problem is gone. Prints OK on success; exits non-zero (cquit) on any failure.
local server_js = vim.env.COPYDESK_SERVER
local draft = vim.env.COPYDESK_DRAFT
local function out(tag, obj) io.stdout:write(tag .. ' ' .. vim.fn.json_encode(obj) .. '\n') end
local function fail(msg) io.stdout:write('FAIL ' .. msg .. '\n'); vim.cmd('cquit 1') end

local diags_by_uri = {}
local orig = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  diags_by_uri[result.uri] = result.diagnostics
  return orig(err, result, ctx, config)
end

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
local uri = vim.uri_from_bufnr(bufnr)

local client_id = vim.lsp.start_client({
  name = 'copydesk',
  cmd = { 'node', server_js, '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':p:h'),
})
if not client_id then fail('start_client') end
vim.lsp.buf_attach_client(bufnr, client_id)

local client
if not vim.wait(10000, function() client = vim.lsp.get_client_by_id(client_id); return client and client.initialized end, 50) then
  fail('initialize timeout')
end
if not vim.wait(10000, function() return diags_by_uri[uri] ~= nil end, 50) then fail('no publishDiagnostics') end
local before = diags_by_uri[uri]
out('DIAGNOSTICS', before)

local city
for _, d in ipairs(before) do
  if d.source == 'copydesk' and d.code == 'dateline' and d.message:find('capitals') then city = d end
end
if not city then fail('no copydesk dateline diagnostic for the lower-case city') end

local params = { textDocument = { uri = uri }, range = city.range, context = { diagnostics = { city } } }
local resp = client.request_sync('textDocument/codeAction', params, 5000, bufnr)
if not resp or resp.err then fail('codeAction: ' .. vim.inspect(resp)) end
local action
for _, a in ipairs(resp.result or {}) do
  if a.isPreferred and a.kind == 'quickfix' then action = a end
end
if not action then fail('no preferred quick fix in ' .. vim.fn.json_encode(resp.result)) end
out('CODEACTION', action.title)
diags_by_uri[uri] = nil
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
local line = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
out('LINE', line)
if not line:find('^ALMATY, Kazakhstan') then fail('the fix did not change the text') end

-- The edit reaches the server as didChange; wait for diagnostics without the city problem.
local fixed = vim.wait(10000, function()
  local now = diags_by_uri[uri]
  if now == nil then return false end
  for _, d in ipairs(now) do
    if d.message:find('capitals') then return false end
  end
  return #now == #before - 1
end, 50)
out('DIAGNOSTICS_AFTER', diags_by_uri[uri] or 'none')
if not fixed then fail('the problem did not go away') end
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
io.stdout:write('OK\n')
vim.cmd('qa!')
