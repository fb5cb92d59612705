-- wrk script: Dovecot-style allow and report requests, alternating, from varied addresses and accounts
-- (mostly successful logins of 50,000 users from 20,000 addresses, 10% failures).
local counter = 0
request = function()
  counter = counter + 1
  local k = math.floor((counter + 1) / 2)  -- an allow and its report share one login
  local user = "user" .. (k * 7919 % 50000)
  local ip = "198.51." .. (k * 31 % 80) .. "." .. (k * 17 % 250)
  local body
  if counter % 2 == 1 then
    body = '{"login":"' .. user .. '","remote":"' .. ip .. '","pwhash":"' .. string.format("%04x", k % 65536) ..
           '","protocol":"imap","session_id":"s' .. counter .. '","device_id":"","tls":"false"}'
    return wrk.format("POST", "/?command=allow", {["Content-Type"] = "application/json"}, body)
  else
    local ok = (k % 10 ~= 0) and "true" or "false"
    body = '{"login":"' .. user .. '","remote":"' .. ip .. '","pwhash":"' .. string.format("%04x", k % 65536) ..
           '","protocol":"imap","success":"' .. ok .. '","policy_reject":"false"}'
    return wrk.format("POST", "/?command=report", {["Content-Type"] = "application/json"}, body)
  end
end
